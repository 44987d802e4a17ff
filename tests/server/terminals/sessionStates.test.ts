/**
 * A terminal's session over a fake shell (./fakeShell.ts): replay by offset, a flood's
 * fast-forward, background steps in terminals of their own, and a shell that cannot start. (Flow
 * control: units.test.ts, and flowControl.test.ts over real shells.)
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StepMessage } from '../../../src/protocol/messages';
import { FLOW } from '../../../server/terminals/core/flowControl';
import { fakeCore } from './fakeShell';
import { RecordingClient, waitUntil } from './recordingClient';

const cores: Array<{ dispose(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
});

async function started(options: Parameters<typeof fakeCore>[0] = {}) {
  const { core, host } = fakeCore(options);
  cores.push(core);
  const client = new RecordingClient();
  core.attach(client, { terminal: 'main', cols: 80, rows: 24 });
  const shell = await host.shell('main');
  shell.prompt();
  await client.waitForScreen(/\$ $/);
  return { core, host, client, shell };
}

function held(client: RecordingClient, terminal = 'main'): number {
  const last = client.outputs(terminal).at(-1);
  return last ? last.seq + last.data.length : 0;
}

describe('a flood fast-forwarded', () => {
  const owed = (client: RecordingClient) => client.outputs().reduce((sum, m) => sum + m.data.length, 0);

  it('gives a client that was sent only screens its scrollback back, though the flood ends a few lines on', async () => {
    const { core, client, shell } = await started({ snapshotRows: 200 });
    // A flood well past the fast-forward threshold, which the client does not acknowledge as it comes.
    const line = `${'x'.repeat(78)}\r\n`;
    for (let sent = 0; sent < FLOW.fastForwardUnits + 4 * FLOW.highWatermark; sent += line.length * 100) {
      shell.print(line.repeat(100));
    }
    const from = client.messages.length;
    // Now it acknowledges what it draws, as a page does: caught up while the flood pours, it is
    // sent the screen alone.
    const acks = setInterval(() => core.ack(client, 'main', owed(client)), 5);
    try {
      const isSnapshot = (m: (typeof client.messages)[number]) => m.type === 'output' && m.reset === true;
      const screenOnly = await client.waitFor(isSnapshot, 5_000, from);
      expect(screenOnly.type === 'output' && screenOnly.data.split('\n').length).toBeLessThan(30);
      // The flood ends a line later, with no prompt: once quiet, the screen comes with its scrollback.
      shell.print('last line\r\n');
      // (It may be sent the screen alone once more, if the line came within 100 ms of the flood.)
      const restored = await client.waitFor(
        (m) =>
          isSnapshot(m) &&
          m.type === 'output' &&
          m.data.includes('last line') &&
          m.data.split('\n').length > 200,
        5_000,
        from,
      );
      expect(restored).toMatchObject({ type: 'output', reset: true });
    } finally {
      clearInterval(acks);
    }
  });
});

describe('replay to a client that comes back', () => {
  it('sends exactly what it lacks from its offset: nothing twice, nothing lost', async () => {
    const { core, client, shell } = await started();
    shell.print('one\r\n');
    await client.waitForScreen(/one\r\n$/);
    const offset = held(client);
    core.detach(client, 'main');
    shell.print('two\r\n');
    const back = new RecordingClient();
    core.attach(back, { terminal: 'main', cols: 80, rows: 24, since: offset });
    await back.waitForScreen(/two\r\n$/);
    expect(back.messages[0]).toMatchObject({ type: 'attached', seq: offset });
    expect(back.screen()).toBe('two\r\n');
  });

  it('sends a screen snapshot when its offset has left the ring', async () => {
    const { core, client, shell } = await started({ scrollbackUnits: 64, snapshotRows: 5 });
    for (let line = 0; line < 100; line += 1) shell.print(`line ${line}\r\n`);
    await client.waitForScreen(/line 99\r\n$/);
    const late = new RecordingClient();
    core.attach(late, { terminal: 'main', cols: 80, rows: 24, since: 1 });
    await late.waitForScreen(/line 99/);
    expect(late.screen()).not.toContain('line 50\r\n');
    expect(late.outputs()[0]?.reset).toBe(true);
    expect(held(late)).toBe(held(client));
  });
});

describe('a background step', () => {
  it('runs in a terminal of its own that names its parent, leaving the parent free', async () => {
    const { core, host, client, shell } = await started();
    core.run(client, { terminal: 'main', stepId: 'forward', command: 'oc port-forward', background: true });
    const bg = await host.shell('main.bg-1');
    bg.prompt();
    bg.commandStarts();
    const running = await client.waitFor(
      (m): m is StepMessage => m.type === 'step' && m.stepId === 'forward' && m.state === 'running',
    );
    expect(running).toMatchObject({ terminal: 'main.bg-1', parent: 'main' });
    expect(core.list()).toContainEqual(
      expect.objectContaining({ name: 'main.bg-1', parent: 'main', stepId: 'forward' }),
    );

    core.run(client, { terminal: 'main', stepId: 'next', command: 'true' });
    shell.commandStarts();
    shell.commandEnds(0);
    expect(client.steps('next').at(-1)?.state).toBe('passed');

    core.interrupt(client, 'main', 'forward');
    bg.commandEnds(130);
    expect(client.steps('forward').at(-1)).toMatchObject({ state: 'interrupted', parent: 'main' });
    await waitUntil(() => bg.terminated && !core.list().some((t) => t.name === 'main.bg-1'));
  });
});

describe('a shell that cannot start', () => {
  it('is an error and an exit for the page, and the name is free again', async () => {
    const { core, host } = fakeCore();
    cores.push(core);
    host.failNext = 'bash: not found';
    const client = new RecordingClient();
    core.attach(client, { terminal: 'main', cols: 80, rows: 24 });
    const error = await client.waitFor((m) => m.type === 'error');
    expect(error).toMatchObject({ code: 'internal', terminal: 'main' });
    expect(error.type === 'error' && error.message).toMatch(/could not start its shell: bash: not found/);
    await client.waitFor((m) => m.type === 'exit' && m.terminal === 'main');
    await waitUntil(() => core.list().length === 0);
    core.attach(client, { terminal: 'main', cols: 80, rows: 24 });
    expect((await host.shell('main')).request.name).toBe('main');
  });
});
