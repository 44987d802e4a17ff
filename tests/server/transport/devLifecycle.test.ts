import { describe, expect, it } from 'vitest';
import { LAUNCH_PARAMS } from '../../../src/protocol/messages';
import { freePort } from '../../e2e/support/processes';
import { runCli } from '../helpers/cliProcess';
import { commandLine, descendantsOf, groupMembers, isRunning } from '../helpers/processes';
import { is, shellPidOf, TestClient } from '../helpers/testClient';

describe('npm start (the dev command)', () => {
  it('prints one URL for the site on PORT, serves terminals to it, and leaves no process behind on Ctrl-C', async () => {
    const port = await freePort();
    const run = runCli(['dev'], { PORT: String(port) });
    try {
      const line = await run.waitForLine(/^\s*http:\/\/localhost:\d+\/#/, 240_000);
      const url = new URL(line.trim());
      expect(url.port).toBe(String(port));
      // One URL to open: ours, with the token; Docusaurus' own token-less one is not passed on.
      expect(run.output().match(/http:\/\/(localhost|127\.0\.0\.1)[:/]\S*/g)).toEqual([line.trim()]);

      const fragment = new URLSearchParams(url.hash.slice(1));
      const wsUrl = fragment.get(LAUNCH_PARAMS.server) ?? '';
      const token = fragment.get(LAUNCH_PARAMS.token) ?? '';
      const site = await fetch(`http://localhost:${port}/`);
      expect(site.status).toBe(200);
      await site.body?.cancel();

      // A page of the site may connect; the shell it gets is below the CLI.
      const client = await TestClient.connect(wsUrl, { token, origin: `http://localhost:${port}` });
      await client.next(is.hello);
      client.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
      await client.next(is.attached('main'));
      const shellPid = await shellPidOf(client);
      client.send({ type: 'run', terminal: 'main', stepId: 'bg', command: 'sleep 1000 &' });
      await client.next(is.stepEnded('bg'), 30_000);

      // The prompt can come back before bash's forked child has exec'd `sleep`: wait for it to be one.
      await expect.poll(() => descendantsOf(run.pid).some((entry) => entry.command === 'sleep')).toBe(true);
      const below = descendantsOf(run.pid);
      expect(below.map((entry) => entry.pid)).toContain(shellPid);
      const docusaurus = below.find((entry) => commandLine(entry.pid).includes('docusaurus'));
      expect(docusaurus).toBeDefined();

      run.signalGroup('SIGINT');
      const exit = await run.exited;
      expect(exit.code).toBe(0);
      // A killed process is gone once it has been reaped: wait for that rather than a fixed moment.
      await expect.poll(() => below.filter((entry) => isRunning(entry.pid))).toEqual([]);
      const survivors = below.filter((entry) => isRunning(entry.pid));
      console.log(
        `Ctrl-C ended ${below.length} processes below the CLI: ${below.map((e) => e.command).join(', ')}`,
      );
      expect(survivors).toEqual([]);
      expect(groupMembers(docusaurus?.pid ?? -1)).toEqual([]);
    } finally {
      if (run.child.exitCode === null) run.signalGroup('SIGKILL');
    }
  }, 300_000);
});
