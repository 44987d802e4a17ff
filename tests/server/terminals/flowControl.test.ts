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

  it('fast-forwards a flood for a client slower than the shell: it gets the screen as it is, not every line', async () => {
    f = hubFixture();
    // A screen that draws ~1.6 MB/s: it acknowledges each frame 20 ms after it arrives.
    const slow = new RecordingClient();
    const send = slow.send.bind(slow);
    slow.send = (message) => {
      send(message);
      if (message.type === 'output') setTimeout(() => f.hub.ack(slow, 'main', message.data.length), 20);
    };
    await f.open('main', slow);
    const bytes = 24_000_000;
    const fromRun = slow.outputs().length;
    const started = Date.now();
    f.hub.run(slow, {
      terminal: 'main',
      stepId: 'cat',
      command: `yes 0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz | head -c ${bytes}; echo cat-done`,
    });
    expect(await slow.stepEnd('cat', undefined, 120_000)).toMatchObject({ state: 'passed' });
    const seconds = (Date.now() - started) / 1000;
    const got = received(slow);
    const snapshots = slow.outputs().filter((m) => m.reset).length;
    console.log(
      `${bytes / 1e6} MB to a 1.6 MB/s client in ${seconds.toFixed(2)} s: ${(got / 1e6).toFixed(2)} MB sent, ${snapshots} snapshots`,
    );
    // Held to the client's pace, 24 MB would take 15 s; it went through at the mirror's.
    expect(got).toBeLessThan(bytes / 4);
    expect(snapshots).toBeGreaterThan(1);
    // The line by line start of the output is all there, up to the flood's threshold.
    const run = slow.outputs().slice(fromRun);
    const streamed = run
      .slice(
        0,
        run.findIndex((m) => m.reset),
      )
      .reduce((sum, m) => sum + m.data.length, 0);
    expect(streamed).toBeGreaterThan(FLOW.fastForwardUnits);
    // While the flood pours, a snapshot is the screen alone: a couple of KB for the page to draw.
    expect(run.filter((m) => m.reset && m.data.length < 4_000).length).toBeGreaterThan(0);
    // The page ends on the screen as it is, prompt included and its scrollback back, then streams again.
    await slow.waitForScreen(/cat-done\r\n[^\n]*[$#] /);
    expect(slow.screen().split('\n').length).toBeGreaterThan(1000);
    const before = received(slow);
    const settled = slow.outputs().filter((m) => m.reset).length;
    f.hub.input(slow, 'main', 'echo after\r');
    await slow.waitForScreen(/after\r\n[^\n]*[$#] /);
    expect(slow.outputs().filter((m) => m.reset).length).toBe(settled);
    expect(received(slow) - before).toBeLessThan(1000);
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
