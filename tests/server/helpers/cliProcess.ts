/**
 * Runs `server/cli.ts` as the npm scripts do (read from package.json: node's flags, then
 * `server/run.cjs`, which compiles it ahead and runs it), in its own process group like a
 * terminal's foreground job, so a test can press Ctrl-C on the whole job with one signal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  readonly child: ChildProcess;
  readonly pid: number;
  /** Everything printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first output line that matches. */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends a signal to the whole process group, as a terminal does on Ctrl-C. */
  signalGroup(signal: NodeJS.Signals): void;
}

/** `node <these> live` is what `npm run live` runs: everything between `node` and the command. */
function nodeArgumentsOfNpmScripts(): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  const words = (scripts.live ?? '').split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'live' || !words.includes('server/cli.ts'))
    throw new Error(`package.json's live script is not "node … server/cli.ts live": ${scripts.live}`);
  return words.slice(1, -1);
}

export function runCli(args: string[], env: NodeJS.ProcessEnv = {}): CliRun {
  const child = spawn(process.execPath, [...nodeArgumentsOfNpmScripts(), ...args], {
    cwd: PROJECT_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...readerEnvironment(), ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  if (child.pid === undefined) throw new Error('could not start the CLI');
  const pid = child.pid;
  let text = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    text += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    pid,
    output: () => text,
    exited,
    signalGroup: (signal) => process.kill(-pid, signal),
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const line = text.split('\n').find((candidate) => pattern.test(candidate));
          if (line === undefined) return;
          done();
          resolve(line);
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new Error(`no line matching ${pattern} within ${timeoutMs} ms; output:\n${text.slice(-3000)}`),
          );
        }, timeoutMs);
        const onExit = () => {
          check();
          done();
          reject(new Error(`the CLI exited before printing ${pattern}; output:\n${text.slice(-3000)}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
  };
}

/** Runs the CLI to completion (for commands expected to stop by themselves). */
export async function runCliToExit(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = runCli(args, env);
  const { code } = await run.exited;
  return { code, output: run.output() };
}

/**
 * The environment of a reader's shell: without what the test runner adds (NODE_ENV=test makes
 * Docusaurus' bundler look for a "test" browserslist and fail).
 */
function readerEnvironment(): NodeJS.ProcessEnv {
  // A HOME of its own with an empty .bashrc: the machine's rc (pyenv init, which waits on a lock
  // shared by every starting shell) made the CLI's shells take tens of seconds under parallel tests.
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: quietHome() };
  for (const key of Object.keys(env)) {
    if (key === 'NODE_ENV' || key.startsWith('VITEST') || key === 'TEST') delete env[key];
  }
  return env;
}

let home: string | undefined;
function quietHome(): string {
  if (home) return home;
  const made = mkdtempSync(path.join(os.tmpdir(), 'rw-cli-home-'));
  writeFileSync(path.join(made, '.bashrc'), '');
  process.once('exit', () => rmSync(made, { recursive: true, force: true }));
  home = made;
  return made;
}
