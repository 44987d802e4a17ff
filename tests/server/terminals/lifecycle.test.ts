import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commandLine } from '../helpers/processes';
import { hubFixture, makeHome, type HubFixture } from './fixture';
import { isAlive, waitUntil } from './recordingClient';

const HUP_PROOF_CHILD = `bash -c 'trap "" HUP; exec sleep 1000' &\necho "child=$!"`;

async function startHupProofChild(f: HubFixture): Promise<number> {
  f.hub.run(f.client, { terminal: 'main', stepId: 'child', command: HUP_PROOF_CHILD });
  await f.client.stepEnd('child');
  return Number(/child=(\d+)/.exec(f.client.screen())?.[1]);
}

describe('the end of a terminal', () => {
  let f: HubFixture;
  afterEach(() => f?.cleanup());

  it('close kills the whole session, children that ignore HUP included', async () => {
    f = hubFixture();
    await f.open();
    const shell = f.hub.shellPid('main')!;
    const child = await startHupProofChild(f);
    expect(isAlive(child)).toBe(true);
    f.hub.close(f.client, 'main');
    await f.client.waitFor((m) => m.type === 'exit' && m.terminal === 'main');
    await waitUntil(() => !isAlive(child) && !isAlive(shell));
    expect(f.hub.list()).toEqual([]);
  });

  it('leaves nothing of a closed shell in the steps directory, and no step text while it lives', async () => {
    f = hubFixture();
    await f.open();
    const shell = f.hub.shellPid('main')!;
    // A step of more than one line: the shell parses it through its syntax-check file.
    f.hub.run(f.client, { terminal: 'main', stepId: 'two-lines', command: 'echo one\necho two' });
    await f.client.stepEnd('two-lines');
    const stepsDir = path.join(f.stateDir, 'steps');
    expect(readdirSync(stepsDir)).toContain(`.syntax-${shell}`);
    const blocks = readdirSync(stepsDir).filter((file) => file.endsWith('.sh'));
    expect(blocks.map((file) => readFileSync(path.join(stepsDir, file), 'utf8'))).toEqual(['']);
    f.hub.close(f.client, 'main');
    await f.client.waitFor((m) => m.type === 'exit' && m.terminal === 'main');
    await waitUntil(() => !readdirSync(stepsDir).includes(`.syntax-${shell}`));
    expect(readdirSync(stepsDir)).toEqual([]);
  });

  it('dispose ends every terminal and leaves nothing running', async () => {
    f = hubFixture();
    await f.open();
    const child = await startHupProofChild(f);
    await f.open('north');
    const shells = f.hub.list().map((t) => f.hub.shellPid(t.name)!);
    await f.hub.dispose();
    expect([child, ...shells].filter(isAlive)).toEqual([]);
  });

  it('ends a terminal when its last client has been gone for the grace period', async () => {
    f = hubFixture({ graceMs: 300 });
    await f.open();
    const shell = f.hub.shellPid('main')!;
    f.hub.disconnect(f.client);
    await waitUntil(() => f.hub.list().length === 0);
    await waitUntil(() => !isAlive(shell));
  });

  it('keeps a terminal whose client comes back within the grace period', async () => {
    f = hubFixture({ graceMs: 800 });
    await f.open();
    f.hub.detach(f.client, 'main');
    await new Promise((resolve) => setTimeout(resolve, 400));
    f.hub.attach(f.client, { terminal: 'main', cols: 80, rows: 24, since: 0 });
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(f.hub.list()).toHaveLength(1);
  });

  it('ends a terminal that has been idle too long', async () => {
    f = hubFixture({ idleMs: 400 });
    await f.open();
    await waitUntil(() => f.hub.list().length === 0);
    await f.client.waitFor((m) => m.type === 'exit');
  });

  it('sends exit and forgets the terminal when its shell exits', async () => {
    f = hubFixture();
    await f.open();
    f.hub.input(f.client, 'main', 'exit 7\r');
    expect(await f.client.waitFor((m) => m.type === 'exit')).toMatchObject({ terminal: 'main', code: 7 });
    await waitUntil(() => f.hub.list().length === 0);
  });

  it('ends the shells a killed server left behind when the next one starts', async () => {
    const stateDir = mkdtempSync(path.join(os.tmpdir(), 'rw-state-'));
    const home = makeHome();
    // node itself with tsx's loader (the tsx CLI would put a parent process in between).
    const script = path.join(__dirname, 'orphanServer.ts');
    const old = spawn(process.execPath, ['--import', 'tsx', script, stateDir, home], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const pids = await new Promise<{ shell: number; leftover: number }>((resolve, reject) => {
        let out = '';
        old.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('\n')) resolve(JSON.parse(out) as { shell: number; leftover: number });
        });
        old.on('exit', (code) => reject(new Error(`orphan server exited early (${code})`)));
      });
      // Until it has exec'd sleep, the child has not set its HUP trap yet (a busy machine forks late).
      await waitUntil(() => commandLine(pids.leftover) === 'sleep 1000');
      old.kill('SIGKILL');
      await new Promise((resolve) => old.once('exit', resolve));
      // The shell may die with its pty; the child that ignores HUP does not.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(isAlive(pids.leftover)).toBe(true);
      expect(readdirSync(stateDir).some((name) => name.startsWith('server-'))).toBe(true);

      f = hubFixture({ stateDir });
      const report = await f.hub.ready;
      expect(report.sessionsEnded).toBe(1);
      await waitUntil(() => !isAlive(pids.leftover) && !isAlive(pids.shell));
      expect(readdirSync(stateDir).filter((name) => name.startsWith('server-'))).toEqual([]);
    } finally {
      old.kill('SIGKILL');
      rmSync(home, { recursive: true, force: true });
    }
  });
});
