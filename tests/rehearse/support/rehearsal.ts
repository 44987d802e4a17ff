// Test support: runs the rehearsal command line (`npm run rehearse`'s own entry) as a child process
// against the simulated clusters of tests/fakes (test doubles), and finds processes it left behind.
import { spawn } from 'node:child_process';
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
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
      cwd: REPO,
      env: { ...fakes.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
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
