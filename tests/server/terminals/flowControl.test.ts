import { afterEach, describe, expect, it } from 'vitest';
import { FLOW } from '../../../server/terminals/core/flowControl';
import { hubFixture, type HubFixture } from './fixture';
import { RecordingClient } from './recordingClient';

const received = (client: RecordingClient, terminal = 'main') =>
  client.outputs(terminal).reduce((sum, m) => sum + m.data.length, 0);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Acknowledges every frame as a fast screen would. */
class AckingClient extends RecordingClient {
  constructor(private readonly ack: (units: number) => void) {
    super();
  }
  override send(message: Parameters<RecordingClient['send']>[0]): void {
    super.send(message);
    if (message.type === 'output') queueMicrotask(() => this.ack(message.data.length));
  }
}

describe('flow control', () => {
  let f: HubFixture;
  afterEach(() => f?.cleanup());

  it('pauses `yes` for a client that never acknowledges, and memory stays bounded', async () => {
    f = hubFixture();
    await f.open();
    global.gc?.();
    const before = process.memoryUsage();
    f.hub.run(f.client, { terminal: 'main', stepId: 'yes', command: 'yes' });
    await pause(2_000);
    const first = received(f.client);
    await pause(1_000);
    const second = received(f.client);
    const after = process.memoryUsage();
    const growthMb = (after.rss - before.rss) / 1e6;
    const heapMb = (after.heapUsed - before.heapUsed) / 1e6;
    console.log(
      `yes, no acks: ${first} units sent, then ${second - first} more in 1 s; ` +
        `rss +${growthMb.toFixed(1)} MB, heap +${heapMb.toFixed(1)} MB`,
    );
    expect(first).toBeGreaterThanOrEqual(FLOW.highWatermark);
    expect(first).toBeLessThan(FLOW.highWatermark + 4 * FLOW.maxFrameUnits);
    expect(second).toBe(first);
    expect(heapMb).toBeLessThan(64);

    // Once the screen catches up, output flows again; then the step can be stopped.
    f.hub.ack(f.client, 'main', second);
    await f.client.waitFor(() => received(f.client) > second);
    f.hub.interrupt(f.client, 'main');
    const ackAll = setInterval(() => f.hub.ack(f.client, 'main', FLOW.highWatermark), 20);
    try {
      expect(await f.client.stepEnd('yes')).toMatchObject({ state: 'interrupted' });
    } finally {
      clearInterval(ackAll);
    }
  });

  it('brings the prompt back after Ctrl-C though the client still owes a whole watermark', async () => {
    f = hubFixture();
    await f.open();
    f.hub.input(f.client, 'main', 'yes\r');
    // Paused: the client acknowledges nothing, so the shell is held at the high watermark.
    await f.client.waitFor(() => received(f.client) >= FLOW.highWatermark);
    f.hub.input(f.client, 'main', '\x03');
    // The kernel drops what `yes` had queued; what follows (its last words, the prompt) comes
    // through on the interrupt's allowance, with no acknowledgement from the client.
    await f.client.waitForScreen(/\^C\r\n[^\n]*[$#] $/);
    expect(received(f.client)).toBeLessThan(
      FLOW.highWatermark + FLOW.interruptUnits + 4 * FLOW.maxFrameUnits,
    );
  });

  it('never lets a read-only watcher hold the shell back; it catches up once it acknowledges', async () => {
    f = hubFixture();
    const presenter = new AckingClient((units) => f.hub.ack(presenter, 'main', units));
    await f.open('main', presenter);
    const audience = new RecordingClient();
    f.hub.attach(audience, { terminal: 'main', cols: 80, rows: 24, readOnly: true });
    await audience.waitFor((m) => m.type === 'output');
    const cpuBefore = process.cpuUsage();
    const started = Date.now();
    f.hub.run(presenter, {
      terminal: 'main',
      stepId: 'flood',
      command: 'yes | head -c 4000000; echo flood-done',
    });
    // 4 MB through a pty, the marks and the mirror: on a loaded 2-core machine this took 17 s.
    expect(await presenter.stepEnd('flood', undefined, 60_000)).toMatchObject({ state: 'passed' });
    const cpu = process.cpuUsage(cpuBefore);
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `4 MB through one acking client in ${seconds.toFixed(2)} s; server CPU ` +
        `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s (pty read, marks, ring, headless mirror, frames)`,
    );
    expect(received(presenter)).toBeGreaterThan(4_000_000);
    const audienceGot = received(audience);
    expect(audienceGot).toBeLessThan(FLOW.highWatermark + 2 * FLOW.maxFrameUnits);

    // The watcher acknowledges what it had: it is brought back with a snapshot of the screen.
    const mark = audience.messages.length;
    f.hub.ack(audience, 'main', audienceGot);
    const resync = await audience.waitFor((m) => m.type === 'output', 10_000, mark);
    expect(resync).toMatchObject({ reset: true });
    expect(audience.screen()).toContain('flood-done');
  });

  it('coalesces output into few frames', async () => {
    f = hubFixture();
    const presenter = new AckingClient((units) => f.hub.ack(presenter, 'main', units));
    await f.open('main', presenter);
    f.hub.run(presenter, { terminal: 'main', stepId: 'seq', command: 'seq 1 20000' });
    await presenter.stepEnd('seq');
    const frames = presenter.outputs().length;
    const units = received(presenter);
    console.log(`seq 1 20000: ${units} units in ${frames} frames`);
    expect(units / frames).toBeGreaterThan(1000);
  });
});
