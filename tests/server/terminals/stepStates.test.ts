/**
 * The step state machine over a fake shell (./fakeShell.ts): the test says what bash would print,
 * the core answers. Step messages go out as the marks arrive, so most of this is synchronous.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { INPUT_POLL_MS, INTERRUPT_ESCALATION_MS } from '../../../server/terminals/core/stepRunner';
import { fakeCore, type FakeShellProcess } from './fakeShell';
import { errorCode, RecordingClient } from './recordingClient';

const cores: Array<{ dispose(): Promise<void> }> = [];

afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(cores.splice(0).map((core) => core.dispose()));
});

/** A core with `main` attached by a writing client, its shell at a prompt. */
async function atPrompt() {
  const { core, host } = fakeCore();
  cores.push(core);
  const client = new RecordingClient();
  core.attach(client, { terminal: 'main', cols: 80, rows: 24 });
  const shell = await host.shell('main');
  shell.prompt();
  return { core, host, client, shell };
}

function states(client: RecordingClient, stepId: string): string[] {
  return client.steps(stepId).map((message) => message.state);
}

function typedStep(shell: FakeShellProcess, n = 1): boolean {
  return shell.written.includes(shell.stepLine(n));
}

describe('a step, told by the shell’s marks', () => {
  it('stages the block, types one line at the prompt, and passes on a zero status', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'echo', command: 'echo hi' });
    expect(shell.staged).toEqual(['echo hi']);
    expect(typedStep(shell)).toBe(true);
    shell.commandStarts();
    shell.print('hi\r\n');
    shell.commandEnds(0);
    expect(states(client, 'echo')).toEqual(['running', 'passed']);
    expect(client.steps('echo').at(-1)).toMatchObject({ exitCode: 0, terminal: 'main' });
  });

  it('stops a multi-line step at its first failing line and names the line', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'multi', command: 'true\nfalse\necho never' });
    shell.commandStarts();
    shell.commandEnds(1, 2);
    expect(client.steps('multi').at(-1)).toMatchObject({ state: 'failed', exitCode: 1, line: 2 });
  });

  it('waits for a prompt before typing, and refuses a second step while one runs', async () => {
    const { core, host } = fakeCore();
    cores.push(core);
    const client = new RecordingClient();
    core.attach(client, { terminal: 'main', cols: 80, rows: 24 });
    const shell = await host.shell('main');
    core.run(client, { terminal: 'main', stepId: 'early', command: 'true' });
    expect(typedStep(shell)).toBe(false);
    expect(errorCode(() => core.run(client, { terminal: 'main', stepId: 'second', command: 'true' }))).toBe(
      'busy',
    );
    shell.prompt();
    expect(typedStep(shell)).toBe(true);
  });

  it('clears half-typed keys with Ctrl-C before typing its line at the next prompt', async () => {
    const { core, client, shell } = await atPrompt();
    core.input(client, 'main', 'ec');
    core.run(client, { terminal: 'main', stepId: 'clean', command: 'true' });
    expect(shell.written).toEqual(['ec', '\x03']);
    // Bash ends the abandoned line (D, status 130) and prints a fresh prompt.
    shell.print('^C\r\n');
    shell.commandEnds(130);
    shell.prompt();
    expect(typedStep(shell)).toBe(true);
  });

  it('does not type into the prompt it is clearing when readline redraws it (a resize)', async () => {
    const { core, client, shell } = await atPrompt();
    core.input(client, 'main', 'ec');
    core.run(client, { terminal: 'main', stepId: 'redrawn', command: 'true' });
    // A resize makes readline draw the old prompt again, marks and all, before the Ctrl-C lands:
    // a line typed now would be dropped by that Ctrl-C.
    shell.prompt();
    expect(typedStep(shell)).toBe(false);
    shell.print('^C\r\n');
    shell.commandEnds(130);
    shell.prompt();
    expect(typedStep(shell)).toBe(true);
    shell.commandStarts();
    shell.commandEnds(0);
    expect(states(client, 'redrawn')).toEqual(['running', 'passed']);
  });

  it('hides the echo of its typed line from the clients, but not what the command prints', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'quiet', command: 'echo shown' });
    shell.commandStarts();
    shell.print('shown\r\n');
    shell.commandEnds(0);
    shell.prompt();
    await client.waitForScreen(/shown\r\n\$ $/);
    expect(client.screen()).not.toContain('__rw_run');
  });
});

describe('interrupting a step', () => {
  it('is immediate while the step still waits for a prompt: nothing is typed', async () => {
    const { core, host } = fakeCore();
    cores.push(core);
    const client = new RecordingClient();
    core.attach(client, { terminal: 'main', cols: 80, rows: 24 });
    const shell = await host.shell('main');
    core.run(client, { terminal: 'main', stepId: 'never', command: 'true' });
    core.interrupt(client, 'main');
    expect(states(client, 'never')).toEqual(['running', 'interrupted']);
    shell.prompt();
    expect(typedStep(shell)).toBe(false);
  });

  it('presses Ctrl-C, ends as interrupted on the 130 status, and escalates to signals only while it runs', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'sleep', command: 'sleep 100' });
    shell.commandStarts();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    core.interrupt(client, 'main');
    expect(shell.written.at(-1)).toBe('\x03');
    vi.advanceTimersByTime(INTERRUPT_ESCALATION_MS.sigterm);
    expect(shell.signals).toEqual(['SIGINT', 'SIGTERM']);
    shell.commandEnds(130);
    vi.advanceTimersByTime(INTERRUPT_ESCALATION_MS.sigkill);
    expect(shell.signals).toEqual(['SIGINT', 'SIGTERM']);
    expect(client.steps('sleep').at(-1)).toMatchObject({ state: 'interrupted', exitCode: 130 });
  });

  it('presses Ctrl-C for a typed line only once the shell says it runs, and ends when the shell says it stopped', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'typed', command: 'sleep 100' });
    core.interrupt(client, 'main');
    // Readline may still hold the line: a Ctrl-C now could drop it, mangle it, or let it run.
    expect(shell.written.at(-1)).toBe(shell.stepLine(1));
    expect(states(client, 'typed')).toEqual(['running']);
    shell.commandStarts();
    expect(shell.written.at(-1)).toBe('\x03');
    expect(states(client, 'typed')).toEqual(['running']);
    shell.commandEnds(130);
    expect(client.steps('typed').at(-1)).toMatchObject({ state: 'interrupted', exitCode: 130 });
  });

  it('escalates to signals for a typed line that started and would not stop', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'stubborn', command: 'trap "" INT; sleep 100' });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    core.interrupt(client, 'main');
    vi.advanceTimersByTime(INTERRUPT_ESCALATION_MS.sigkill);
    expect(shell.signals).toEqual([]);
    shell.commandStarts();
    vi.advanceTimersByTime(INTERRUPT_ESCALATION_MS.sigkill);
    expect(shell.signals).toEqual(['SIGINT', 'SIGTERM', 'SIGKILL']);
    expect(states(client, 'stubborn')).toEqual(['running']);
    shell.commandEnds(137);
    expect(client.steps('stubborn').at(-1)).toMatchObject({ state: 'interrupted', exitCode: 137 });
  });

  it('is interrupted, having never run, when the reader’s own Ctrl-C drops its typed line', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'dropped', command: 'echo never' });
    core.input(client, 'main', '\x03');
    // Readline echoes the line and the ^C, then bash ends the empty command line (D, no C).
    shell.print(' __rw_run step-1^C\r\n');
    shell.commandEnds(130);
    shell.prompt();
    expect(client.steps('dropped').at(-1)).toMatchObject({ state: 'interrupted' });
    expect(client.steps('dropped').at(-1)).not.toHaveProperty('exitCode');
    await client.waitForScreen(/\^C\r\n\$ $/);
    expect(client.screen()).not.toContain('__rw_run');
  });
});

describe('a step that waits for the keyboard', () => {
  it('reports waiting-input once quiet and reading, and running again after keys', async () => {
    const { core, client, shell } = await atPrompt();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    core.run(client, { terminal: 'main', stepId: 'ask', command: 'read -p "name? " name' });
    shell.commandStarts();
    shell.print('name? ');
    shell.readingKeyboard = true;
    vi.advanceTimersByTime(INPUT_POLL_MS * 2);
    expect(states(client, 'ask')).toEqual(['running', 'waiting-input']);
    shell.readingKeyboard = false;
    core.input(client, 'main', 'ada\r');
    expect(states(client, 'ask')).toEqual(['running', 'waiting-input', 'running']);
    shell.commandEnds(0);
    expect(states(client, 'ask').at(-1)).toBe('passed');
  });

  it('does not call a program that keeps printing a waiting one', async () => {
    const { core, client, shell } = await atPrompt();
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    core.run(client, { terminal: 'main', stepId: 'busy', command: 'yes' });
    shell.commandStarts();
    shell.readingKeyboard = true;
    for (let tick = 0; tick < 5; tick += 1) {
      shell.print('y\r\n');
      vi.advanceTimersByTime(INPUT_POLL_MS / 2);
    }
    expect(states(client, 'busy')).toEqual(['running']);
  });
});

describe('the shell going away under a step', () => {
  it('fails the step with the shell’s status and tells every client the terminal exited', async () => {
    const { core, client, shell } = await atPrompt();
    core.run(client, { terminal: 'main', stepId: 'exit', command: 'exit 3' });
    shell.commandStarts();
    shell.exit(3);
    expect(client.steps('exit').at(-1)).toMatchObject({ state: 'failed', exitCode: 3 });
    await client.waitFor((m) => m.type === 'exit' && m.terminal === 'main' && m.code === 3);
    expect(core.list()).toEqual([]);
  });
});
