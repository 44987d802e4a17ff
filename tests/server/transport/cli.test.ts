import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LAUNCH_PARAMS, TERMINAL_PATH } from '../../../src/protocol/messages';
import { PROJECT_ROOT, runCli, runCliToExit } from '../helpers/cliProcess';
import { descendantsOf, isRunning } from '../helpers/processes';
import { is, shellPidOf, TestClient } from '../helpers/testClient';

describe('the command line', () => {
  it('explains every option in --help', async () => {
    const { code, output } = await runCliToExit(['dev', '--help']);
    expect(code).toBe(0);
    for (const option of [
      '--port',
      '--host',
      '--allow-origin',
      '--allow-remote',
      '--shell',
      '--cwd',
      '--max-terminals',
      '--grace',
    ]) {
      expect(output).toMatch(new RegExp(`${option}\\b[^\\n]*\\s+\\S+`));
    }
  });

  it('refuses a non-loopback --host without --allow-remote (exit 2), saying what the flag risks', async () => {
    const { code, output } = await runCliToExit(['terminals', '--host', '0.0.0.0']);
    expect(code).toBe(2);
    expect(output).toContain('--allow-remote');
    expect(output).toContain('gets a shell');
  });

  it('refuses bad option values with exit status 2', async () => {
    expect((await runCliToExit(['terminals', '--port', 'abc'])).code).toBe(2);
    expect((await runCliToExit(['terminals', '--grace', 'soon'])).code).toBe(2);
    expect((await runCliToExit(['terminals', '--allow-origin', 'localhost'])).code).toBe(2);
    expect((await runCliToExit(['terminals', '--cwd', '/no/such/dir'])).code).toBe(2);
    expect((await runCliToExit(['dev'], { PORT: 'eighty' })).code).toBe(2);
    expect((await runCliToExit(['workshop', '--seat-memory', 'lots'])).code).toBe(2);
    // Six CLI starts in a row: over 60 s when the 2-core machine ran at load 30.
  }, 180_000);

  it('refuses `live` without a built site and says to build first', async () => {
    const { code, output } = await runCliToExit(['live', '--dir', '/no/such/build', '--port', '0']);
    expect(code).toBe(1);
    expect(output).toContain('run npm run build first');
  });

  it('runs the terminal server alone, runs a step, and leaves no shell behind on SIGTERM', async () => {
    const run = runCli(['terminals']);
    const line = await run.waitForLine(/^\{.*"wsUrl"/, 60_000);
    const { wsUrl, token } = JSON.parse(line) as { wsUrl: string; token: string };
    const client = await TestClient.connect(wsUrl, { token });
    await client.next(is.hello);
    client.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await client.next(is.attached('main'));
    const shellPid = await shellPidOf(client);
    client.send({ type: 'run', terminal: 'main', stepId: 'echo', command: 'echo ok' });
    expect(await client.next(is.stepEnded('echo'), 30_000)).toMatchObject({ state: 'passed', exitCode: 0 });
    const below = descendantsOf(run.pid).map((entry) => entry.pid);
    expect(below).toContain(shellPid);

    run.signalGroup('SIGTERM');
    expect((await run.exited).code).toBe(0);
    expect(below.filter(isRunning)).toEqual([]);
  });

  it('serves the built site and its terminals from one origin, and never writes the token into the build', async () => {
    const buildDir = join(PROJECT_ROOT, 'build');
    if (!existsSync(join(buildDir, 'index.html'))) return; // nothing built here: nothing could hold it
    const run = runCli(['live', '--port', '0', '--audience']);
    try {
      const line = await run.waitForLine(/#rw-token=/, 60_000);
      const launch = new URL(line.trim());
      const token = new URLSearchParams(launch.hash.slice(1)).get(LAUNCH_PARAMS.token) ?? '';
      expect(token.length).toBeGreaterThanOrEqual(43);
      // Same origin: the page needs no server address, only the token.
      expect(launch.hash).not.toContain(LAUNCH_PARAMS.server);

      const page = await fetch(new URL('/', launch));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
      const client = await TestClient.connect(`ws://127.0.0.1:${launch.port}${TERMINAL_PATH}`, {
        token,
        origin: launch.origin,
      });
      expect((await client.next(is.hello)).readOnly).toBe(false);
      await client.close();

      const holders = filesUnder(buildDir).filter((file) => readFileSync(file).includes(token));
      expect(holders).toEqual([]);
    } finally {
      run.signalGroup('SIGINT');
      await run.exited;
    }
  });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
