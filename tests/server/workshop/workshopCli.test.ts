/**
 * `npm run workshop` as an instructor runs it: exactly two URLs printed; and after kill -9 and a
 * restart on the same data directory, attendees come back to their workspace and their progress,
 * with no process of the old workspaces left.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { descendantsOf } from '../../../server/workshop/local/descendants';
import { readStat } from '../../../server/terminals/local/processTree';
import { PROJECT_ROOT, runCli, runCliToExit, type CliRun } from '../helpers/cliProcess';
import { TestClient } from '../helpers/testClient';
import { runStep } from './fixture';
import { cookiesOf, joinAs } from './workshopFixture';

mkdirSync(path.join(PROJECT_ROOT, 'node_modules', '.cache'), { recursive: true });
const work = mkdtempSync(path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-workshop-cli-'));
// Seat users pass through the folders above their homes.
chmodSync(work, 0o711);
const siteDir = path.join(work, 'site');
mkdirSync(siteDir);
writeFileSync(path.join(siteDir, 'index.html'), '<h1>site</h1>');
const running: CliRun[] = [];
afterAll(async () => {
  for (const run of running)
    if (run.child.exitCode === null && run.child.signalCode === null) run.signalGroup('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

async function startWorkshop(port: string): Promise<{ run: CliRun; instructor: string; join: string }> {
  const run = runCli([
    'workshop',
    '--port',
    port,
    '--dir',
    siteDir,
    '--data-dir',
    path.join(work, 'data'),
    '--seats',
    '3',
  ]);
  running.push(run);
  const join = await run.waitForLine(/^join: /, 60_000);
  const instructor =
    run
      .output()
      .split('\n')
      .find((line) => line.startsWith('instructor: ')) ?? '';
  return { run, instructor: instructor.slice('instructor: '.length), join: join.slice('join: '.length) };
}

function isRunning(pid: number): boolean {
  const state = readStat(pid)?.state;
  return state !== undefined && state !== 'Z';
}

describe('npm run workshop', () => {
  it('prints exactly two URLs, on lines starting instructor: and join:', async () => {
    const { run, instructor, join } = await startWorkshop('0');
    expect(instructor).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/instructor\?key=[\w-]{40,}$/);
    expect(join).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join\?code=[A-Z2-9]{6}$/);
    const urls = run.output().match(/https?:\/\/\S+/g) ?? [];
    expect(urls).toEqual([instructor, join]);
    run.signalGroup('SIGTERM');
    expect((await run.exited).code).toBe(0);
  });

  it('refuses to start without a built site, saying what to run', async () => {
    const { code, output } = await runCliToExit(['workshop', '--dir', path.join(work, 'nothing-here')]);
    expect(code).toBe(2);
    expect(output).toContain('npm run build');
  });

  it('after kill -9 and a restart, gives an attendee back their workspace and progress, and leaves no old process', async () => {
    const port = String(40_000 + (process.pid % 20_000));
    const first = await startWorkshop(port);
    const base = new URL(first.join).origin;
    const cookie = await joinAs(base, new URL(first.join).searchParams.get('code')!, 'Alice');
    const client = await TestClient.connect(`${base.replace('http', 'ws')}/terminal`, {
      origin: base,
      headers: { Cookie: cookie },
    });
    expect((await runStep(client, 'echo kept > ~/kept.txt; sleep 300 &')).state).toBe('passed');
    const old = descendantsOf(first.run.pid);
    expect(old.length).toBeGreaterThan(3);

    first.run.signalGroup('SIGKILL');
    await first.run.exited;
    await client.closed;
    await expect.poll(() => old.filter((p) => isRunning(p.pid)).map((p) => p.pid)).toEqual([]);

    const second = await startWorkshop(port);
    const again = await TestClient.connect(`${base.replace('http', 'ws')}/terminal`, {
      origin: base,
      headers: { Cookie: cookie },
    });
    expect((await runStep(again, 'cat ~/kept.txt')).output).toContain('kept');
    const instructorCookie = cookiesOf(await fetch(second.instructor, { redirect: 'manual' }));
    const alicesPassed = async () => {
      const state = (await (
        await fetch(`${base}/instructor/state.json`, { headers: { Cookie: instructorCookie } })
      ).json()) as {
        attendees: { name: string; pages: Record<string, { passed: number }> }[];
      };
      return state.attendees.find((a) => a.name === 'Alice')?.pages.test?.passed ?? 0;
    };
    // The dashboard asks again every few seconds; so may this test.
    await expect.poll(alicesPassed, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    expect(second.run.output()).not.toContain('recording a step');
    await again.close();
    second.run.signalGroup('SIGTERM');
    await second.run.exited;
  });
});
