import { afterEach, describe, expect, it } from 'vitest';
import type { StepMessage } from '../../../src/protocol/messages';
import { descendantsOf } from '../helpers/processes';
import { hubFixture, type HubFixture } from './fixture';
import { isAlive, waitUntil } from './recordingClient';

describe('stopping steps and waiting for the keyboard', () => {
  let f: HubFixture;
  afterEach(() => f?.cleanup());

  it('interrupts `sleep 100` and gives the prompt back', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'sleep', command: 'echo before\nsleep 100\necho after' });
    await f.client.waitForScreen(/before\r\n/);
    // Ctrl-C is for `sleep` itself: wait until bash's child has exec'd it (a busy machine forks late).
    await waitUntil(() => descendantsOf(f.hub.shellPid('main')!).some((entry) => entry.command === 'sleep'));
    const asked = Date.now();
    f.hub.interrupt(f.client, 'main');
    const end = await f.client.stepEnd('sleep');
    const promptBack = await f.client.waitForScreen(/[$#] $/).then(() => Date.now() - asked);
    console.log(`interrupt → prompt back in ${promptBack} ms`);
    expect(end).toMatchObject({ state: 'interrupted', exitCode: 130 });
    expect(promptBack).toBeLessThan(5_000); // generous: the figure above is the real measure
    expect(f.client.screen()).not.toContain('after');
  });

  it('calls a step stopped right after Run interrupted only once it has stopped, whatever the moment', async () => {
    f = hubFixture();
    await f.open();
    // The moments differ by a few event-loop turns: before readline has the line, while it echoes
    // it, as bash starts the block, while a child runs, while bash itself loops.
    for (let turn = 0; turn < 20; turn += 1) {
      const stepId = `stop-${turn}`;
      const block =
        turn % 2
          ? `sleep 0.5; echo ran-$((40+${turn}))`
          : `for n in 1 2 3 4 5; do read -t 0.1; done; echo ran-$((40+${turn}))`;
      f.hub.run(f.client, { terminal: 'main', stepId, command: block });
      for (let wait = 0; wait < turn % 6; wait += 1) await new Promise((resolve) => setImmediate(resolve));
      f.hub.interrupt(f.client, 'main');
      const end = await f.client.stepEnd(stepId);
      expect(end).toMatchObject({ state: 'interrupted' });
      const endedAt = f.client.messages.indexOf(end);
      // The shell takes the next step only at a prompt: if the stopped one still ran, this is refused.
      f.hub.run(f.client, { terminal: 'main', stepId: `after-${turn}`, command: 'echo next-$((6*7))' });
      expect(await f.client.stepEnd(`after-${turn}`)).toMatchObject({ state: 'passed' });
      const since = f.client.outputs().filter((m) => f.client.messages.indexOf(m) > endedAt);
      expect(since.map((m) => m.data).join('')).not.toContain(`ran-${40 + turn}`);
    }
  });

  it('escalates to signals when the foreground job ignores Ctrl-C', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'stubborn',
      command: 'bash -c \'trap "" INT; echo armed; sleep 100\'',
    });
    await f.client.waitForScreen(/armed\r\n/);
    f.hub.interrupt(f.client, 'main');
    expect(await f.client.stepEnd('stubborn')).toMatchObject({ state: 'interrupted' });
  });

  it('reports waiting-input while `read -p` waits, and running once it has its answer', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'ask',
      command: 'read -p "Name? " name\necho "got $name"',
    });
    await f.client.waitFor((m) => m.type === 'step' && m.stepId === 'ask' && m.state === 'waiting-input');
    expect(f.client.screen()).toContain('Name? ');
    f.hub.input(f.client, 'main', 'alice\r');
    expect(await f.client.stepEnd('ask')).toMatchObject({ state: 'passed' });
    expect(f.client.screen()).toContain('got alice');
    const states = f.client.steps('ask').map((m) => m.state);
    expect(states.filter((s) => s === 'waiting-input')).toHaveLength(1);
  });

  it('notices a child program reading the keyboard (not only bash builtins)', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'head', command: 'echo ready; head -n 1' });
    await f.client.waitFor((m) => m.type === 'step' && m.stepId === 'head' && m.state === 'waiting-input');
    f.hub.input(f.client, 'main', 'typed-line\r');
    expect(await f.client.stepEnd('head')).toMatchObject({ state: 'passed' });
  });

  it('does not call a busy, quiet program waiting for input', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'quiet', command: 'sleep 1.2' });
    expect(await f.client.stepEnd('quiet')).toMatchObject({ state: 'passed' });
    expect(f.client.steps('quiet').map((m) => m.state)).toEqual(['running', 'passed']);
  });

  it('runs a background step beside later steps, in a terminal of its own, until stopped', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'forward',
      background: true,
      command: 'while true; do echo tick; sleep 0.2; done',
    });
    const started = await f.client.waitFor(
      (m): m is StepMessage => m.type === 'step' && m.stepId === 'forward' && m.state === 'running',
    );
    expect(started.terminal).toBe('main.bg-1');
    const bg = f.hub.list().find((t) => t.name === 'main.bg-1');
    expect(bg).toMatchObject({ stepId: 'forward', parent: 'main' });
    expect(started.parent).toBe('main');
    const bgPid = f.hub.shellPid('main.bg-1');

    // A watcher sees it tick; the main terminal stays free for the next step.
    const watcher = f.client;
    f.hub.attach(watcher, { terminal: 'main.bg-1', cols: 80, rows: 24 });
    await watcher.waitForScreen(/tick\r\ntick/, 'main.bg-1');
    f.hub.run(f.client, { terminal: 'main', stepId: 'next', command: 'echo foreground-ok' });
    expect(await f.client.stepEnd('next')).toMatchObject({ state: 'passed' });
    expect(f.client.steps('forward').at(-1)?.state).toBe('running');

    f.hub.interrupt(f.client, 'main', 'forward');
    expect(await f.client.stepEnd('forward')).toMatchObject({ state: 'interrupted', terminal: 'main.bg-1' });
    await waitUntil(() => !f.hub.list().some((t) => t.name === 'main.bg-1'));
    await waitUntil(() => !isAlive(bgPid!));
    await f.client.waitFor((m) => m.type === 'exit' && m.terminal === 'main.bg-1');
  });

  it('reports a background step that ends by itself as passed or failed', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'short',
      background: true,
      command: 'sleep 0.3; exit 4',
    });
    expect(await f.client.stepEnd('short')).toMatchObject({
      state: 'failed',
      exitCode: 4,
      terminal: 'main.bg-1',
    });
  });
});
