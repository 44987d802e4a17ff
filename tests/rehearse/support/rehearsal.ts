// Test support: runs the rehearsal command line (`npm run rehearse`'s own entry) as a child process
// against the simulated clusters of tests/fakes (test doubles), and finds processes it left behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FakeClusters } from './fakeClusters';

export const REPO = resolve(__dirname, '../../..');
const CLI = resolve(REPO, 'server/rehearse/cli.ts');

export interface RehearsalRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runRehearsalCli(
  fakes: FakeClusters,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<RehearsalRun> {
  return startRehearsalCli(fakes, args, env).finished;
}

export function startRehearsalCli(
  fakes: FakeClusters,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { child: ChildProcess; finished: Promise<RehearsalRun> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: REPO,
    env: { ...fakes.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const finished = new Promise<RehearsalRun>((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
  return { child, finished };
}

/** Pids of live processes whose environment mentions `marker` (the test's temp HOME). */
export function processesMentioning(marker: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let environ: string;
    try {
      environ = readFileSync(`/proc/${entry}/environ`, 'latin1');
    } catch {
      continue; // gone meanwhile, or not ours to read
    }
    if (environ.includes(marker)) found.push(Number(entry));
  }
  return found;
}

/** Resolves once a process whose environment mentions `marker` runs `command` (e.g. `sleep 600`). */
export async function processRunning(marker: string, command: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const pid of processesMentioning(marker)) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').join(' ').trim() === command) return;
      } catch {
        // ended meanwhile: look again
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no process "${command}" within ${timeoutMs} ms`);
}
