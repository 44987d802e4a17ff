import { afterEach, describe, expect, it } from 'vitest';
import { hubFixture, type HubFixture } from './fixture';
import { errorCode } from './recordingClient';

describe('steps in a terminal', () => {
  let f: HubFixture;
  afterEach(() => f?.cleanup());

  it('passes a step that exits 0 and streams its output', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'echo', command: 'echo hello-$((6 * 7))' });
    const end = await f.client.stepEnd('echo');
    expect(end).toMatchObject({ state: 'passed', exitCode: 0, terminal: 'main' });
    expect(end.durationMs).toBeGreaterThanOrEqual(0);
    expect(f.client.steps('echo')[0]?.state).toBe('running');
    expect(f.client.screen()).toContain('hello-42');
  });

  it('fails a step with the exit code of its command', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'false', command: 'false' });
    expect(await f.client.stepEnd('false')).toMatchObject({ state: 'failed', exitCode: 1, line: 1 });
  });

  it('stops a multi-line step at its first failing line', async () => {
    f = hubFixture();
    await f.open();
    const command = 'echo first-ran\n(exit 3)\necho third-ran';
    f.hub.run(f.client, { terminal: 'main', stepId: 'block', command });
    expect(await f.client.stepEnd('block')).toMatchObject({ state: 'failed', exitCode: 3, line: 2 });
    const screen = f.client.screen();
    expect(screen).toContain('first-ran');
    expect(screen).not.toContain('third-ran');
  });

  it('runs heredocs, continuations and multi-line quotes as whole commands', async () => {
    f = hubFixture();
    await f.open();
    const command = [
      "cat <<'EOF' > doc.txt",
      'kind: $NOT_EXPANDED',
      '',
      'EOF',
      'echo "two',
      'lines" | wc -l',
      'echo joined \\',
      '  by-backslash',
      'for n in 1 2; do',
      '  echo "loop-$n"',
      'done',
      'grep -c NOT_EXPANDED doc.txt',
      'false',
    ].join('\n');
    f.hub.run(f.client, { terminal: 'main', stepId: 'heredoc', command });
    expect(await f.client.stepEnd('heredoc')).toMatchObject({ state: 'failed', exitCode: 1, line: 13 });
    const screen = f.client.screen();
    expect(screen).toMatch(/\r\n2\r\n/);
    expect(screen).toContain('joined by-backslash');
    expect(screen).toContain('loop-2');
    expect(screen).toMatch(/\r\n1\r\n/);
  });

  it('keeps the shell of earlier steps: cd, variables and eval persist', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'a',
      command: 'cd /tmp\neval "$(echo export STEP_VAR=kept)"',
    });
    await f.client.stepEnd('a');
    f.hub.run(f.client, { terminal: 'main', stepId: 'b', command: 'echo "where=$PWD var=$STEP_VAR"' });
    expect(await f.client.stepEnd('b')).toMatchObject({ state: 'passed' });
    expect(f.client.screen()).toContain('where=/tmp var=kept');
  });

  it('shows each command like a typed line, never the line that hands it to the shell', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'shown', command: 'echo one\necho two' });
    await f.client.stepEnd('shown');
    // Mode switches (bracketed paste) pass; the text of the typed line does not.
    const screen = f.client.screen().replaceAll('\x1b[?2004h', '').replaceAll('\x1b[?2004l', '');
    expect(screen).toMatch(/[$#] echo one\r\none\r\n.*[$#] echo two\r\ntwo\r\n/s);
    expect(screen).not.toContain('__rw_run');
  });

  it('never lets shell-integration marks reach a client', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, {
      terminal: 'main',
      stepId: 'm',
      command: 'echo a\nprintf "\\033]133;D;0;rw=forged\\007"\necho b',
    });
    await f.client.stepEnd('m');
    f.hub.run(f.client, { terminal: 'main', stepId: 'm2', command: 'true' });
    await f.client.stepEnd('m2');
    const all = f.client
      .outputs()
      .map((m) => m.data)
      .join('');
    expect(all).toContain('b\r\n');
    expect(all).not.toContain('\x1b]133');
  });

  it('refuses a second step while one runs, with a busy error', async () => {
    f = hubFixture();
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'long', command: 'sleep 30' });
    expect(errorCode(() => f.hub.run(f.client, { terminal: 'main', stepId: 'other', command: 'true' }))).toBe(
      'busy',
    );
    expect(f.hub.list()).toEqual([expect.objectContaining({ name: 'main', stepId: 'long' })]);
    f.hub.interrupt(f.client, 'main');
    expect(await f.client.stepEnd('long')).toMatchObject({ state: 'interrupted' });
  });

  it("sources the user's own .bashrc", async () => {
    f = hubFixture({ bashrc: 'export FROM_USER_RC=sourced\nalias greet="echo hi-from-alias"\n' });
    await f.open();
    f.hub.run(f.client, { terminal: 'main', stepId: 'rc', command: 'echo "rc=$FROM_USER_RC"\ngreet' });
    expect(await f.client.stepEnd('rc')).toMatchObject({ state: 'passed' });
    expect(f.client.screen()).toContain('rc=sourced');
    expect(f.client.screen()).toContain('hi-from-alias');
  });

  it("keeps its marks when the user's PROMPT_COMMAND rebuilds the prompt each time", async () => {
    f = hubFixture({ bashrc: 'PROMPT_COMMAND=\'PS1="dyn-$((++prompts))\\$ "\'\n' });
    await f.open();
    for (const stepId of ['one', 'two']) {
      f.hub.run(f.client, { terminal: 'main', stepId, command: 'false' });
      expect(await f.client.stepEnd(stepId)).toMatchObject({ state: 'failed', exitCode: 1 });
    }
    // The step ends at its D mark; the prompt drawn after it follows.
    await f.client.waitForScreen(/dyn-3/);
  });

  it('runs a step sent before the first prompt once the shell is ready', async () => {
    f = hubFixture();
    f.hub.attach(f.client, { terminal: 'main', cols: 80, rows: 24 });
    f.hub.run(f.client, { terminal: 'main', stepId: 'early', command: 'echo early-bird' });
    expect(await f.client.stepEnd('early')).toMatchObject({ state: 'passed' });
    expect(f.client.screen()).toContain('early-bird');
  });
});
