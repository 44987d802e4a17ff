import { afterEach, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../../src/protocol/messages';
import { hubFixture, type HubFixture } from './fixture';
import { errorCode, RecordingClient } from './recordingClient';

type Output = Extract<ServerMessage, { type: 'output' }>;

describe('attaching, re-attaching and watching', () => {
  let f: HubFixture;
  afterEach(() => f?.cleanup());

  it('gives a first attach a screen snapshot, after `attached`', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'm',
      command: 'printf "\\033[1mbold-marker\\033[0m\\n"',
    });
    await f.client.stepEnd('m');
    const late = new RecordingClient();
    f.hub.attach(late, { terminal: 'main', cols: 80, rows: 24 });
    const snapshot = await late.waitFor((m): m is Output => m.type === 'output');
    expect(late.messages[0]).toMatchObject({ type: 'attached', terminal: 'main', readOnly: false });
    expect(snapshot.reset).toBe(true);
    expect(snapshot.data).toContain('bold-marker');
    expect(snapshot.data).toContain('\x1b[1m');
    // The client's offset after the snapshot is the stream's: `seq + data.length`.
    const attached = late.messages[0] as Extract<ServerMessage, { type: 'attached' }>;
    expect(attached.seq).toBe(snapshot.seq);
  });

  it('re-attaches to the same shell mid-output with nothing twice and nothing lost', async () => {
    f = hubFixture();
    await f.open();
    const pid = f.hub.shellPid('main');
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'count',
      command: 'for i in $(seq 1 300); do echo "line-$i"; if (( i % 20 == 0 )); then sleep 0.05; fi; done',
    });
    await f.client.waitForScreen(/line-60\r\n/);
    // The page reloads: its socket goes, a new one attaches with what the old page held.
    const held = f.client.outputs().reduce((end, m) => m.seq + m.data.length, 0);
    f.hub.disconnect(f.client);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const reloaded = new RecordingClient();
    f.hub.attach(reloaded, { terminal: 'main', cols: 80, rows: 24, since: held });
    expect(reloaded.messages[0]).toMatchObject({ type: 'attached', seq: held });
    expect(f.hub.shellPid('main')).toBe(pid);
    expect(await reloaded.stepEnd('count')).toMatchObject({ state: 'passed' });

    const outputs = reloaded.outputs();
    expect(outputs.every((m) => !m.reset)).toBe(true);
    expect(outputs[0]?.seq).toBe(held);
    for (let i = 1; i < outputs.length; i += 1) {
      expect(outputs[i]!.seq).toBe(outputs[i - 1]!.seq + outputs[i - 1]!.data.length);
    }
    const whole = f.client.screen() + reloaded.screen();
    const lines = whole.match(/^line-\d+$/gm) ?? [];
    expect(lines).toEqual(Array.from({ length: 300 }, (_, i) => `line-${i + 1}`));
  });

  it('sends a snapshot when what the client lacks has left the replay ring', async () => {
    f = hubFixture({ scrollbackUnits: 4096 });
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'flood', command: 'seq 1 5000; echo tail-marker' });
    await f.client.stepEnd('flood');
    const back = new RecordingClient();
    f.hub.attach(back, { terminal: 'main', cols: 80, rows: 24, since: 10 });
    const first = await back.waitFor((m): m is Output => m.type === 'output');
    expect(first.reset).toBe(true);
    expect(first.data).toContain('tail-marker');
  });

  it('resizes the pty: `tput cols` prints the new width', async () => {
    f = hubFixture();
    await f.open();
    f.hub.resize(f.client, 'main', 123, 40);
    f.hub.run(f.client, { terminal: 'main', stepId: 'cols', command: 'tput cols; tput lines' });
    await f.client.stepEnd('cols');
    expect(f.client.screen()).toMatch(/\r\n123\r\n40\r\n/);
    expect(f.hub.list()[0]).toMatchObject({ cols: 123, rows: 40 });
  });

  it('lets several clients watch one terminal, and refuses every write from a read-only one', async () => {
    f = hubFixture();
    await f.open();
    const audience = new RecordingClient();
    f.hub.attach(audience, { terminal: 'main', cols: 80, rows: 24, readOnly: true });
    const watcherOnly = new RecordingClient('watch');
    f.hub.attach(watcherOnly, { terminal: 'main', cols: 80, rows: 24 });
    for (const who of [audience, watcherOnly]) {
      expect(errorCode(() => f.hub.input(who, 'main', 'ls\r'))).toBe('read-only');
      expect(errorCode(() => f.hub.run(who, { terminal: 'main', stepId: 'x', command: 'true' }))).toBe(
        'read-only',
      );
      expect(errorCode(() => f.hub.interrupt(who, 'main'))).toBe('read-only');
      expect(errorCode(() => f.hub.resize(who, 'main', 100, 30))).toBe('read-only');
      expect(errorCode(() => f.hub.close(who, 'main'))).toBe('read-only');
    }
    f.hub.run(f.client, { terminal: 'main', stepId: 'show', command: 'echo for-everyone' });
    await f.client.stepEnd('show');
    await audience.waitForScreen(/for-everyone/);
    await audience.stepEnd('show');
    expect(f.hub.list()).toHaveLength(1);
  });

  it('answers unknown-terminal for a terminal that does not exist or is not attached', async () => {
    f = hubFixture();
    await f.open();
    const stranger = new RecordingClient();
    expect(errorCode(() => f.hub.input(f.client, 'nope', 'x'))).toBe('unknown-terminal');
    expect(errorCode(() => f.hub.run(stranger, { terminal: 'main', stepId: 's', command: 'true' }))).toBe(
      'unknown-terminal',
    );
  });

  it('refuses a terminal over the limit with too-many-terminals', async () => {
    f = hubFixture({ maxTerminals: 1 });
    await f.open();
    let message = '';
    try {
      f.hub.attach(f.client, { terminal: 'north', cols: 80, rows: 24 });
    } catch (error) {
      expect((error as { code: string }).code).toBe('too-many-terminals');
      message = (error as Error).message;
    }
    expect(message).toMatch(/limit/);
    expect(f.hub.list().map((t) => t.name)).toEqual(['main']);
  });
});
