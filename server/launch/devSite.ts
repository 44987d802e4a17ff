/**
 * The Docusaurus dev server as a child of `npm start`: spawned in its own process group (so one
 * signal to the group stops it and everything it started), forwarded to our output without its own
 * "running at" URL (we print the one URL to open), and awaited until it answers HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Logger } from '../log';

export interface DevSiteOptions {
  readonly siteDir: string;
  readonly port: number;
  readonly host: string;
  readonly log: Logger;
  /** How long a first compile may take before we give up. */
  readonly readyTimeoutMs?: number;
}

export interface DevSite {
  readonly pid: number;
  /** Resolves once the site answers HTTP; rejects if Docusaurus ends first or takes too long. */
  readonly ready: Promise<void>;
  /** Resolves with how Docusaurus ended, on its own or stopped. */
  readonly exited: Promise<string>;
  /** Signals the whole process group (TERM, then KILL after a wait) and resolves once it is gone. */
  stop(): Promise<void>;
}

export class DevSiteError extends Error {
  constructor(
    readonly code: 'not-installed' | 'exited' | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'DevSiteError';
  }
}

const STOP_GRACE_MS = 5_000;

/** Spawns at once (so a Ctrl-C during the first compile can stop it); await `ready` before use. */
export function launchDevSite(options: DevSiteOptions): DevSite {
  const bin = join(options.siteDir, 'node_modules', '@docusaurus', 'core', 'bin', 'docusaurus.mjs');
  if (!existsSync(bin)) {
    throw new DevSiteError(
      'not-installed',
      `Docusaurus is not installed in ${options.siteDir}; run npm install first.`,
    );
  }
  const args = [bin, 'start', '--port', String(options.port), '--host', options.host, '--no-open'];
  const child = spawn(process.execPath, args, {
    cwd: options.siteDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none' },
  });
  const pid = child.pid;
  if (pid === undefined) throw new DevSiteError('exited', 'Docusaurus could not be started.');
  forwardOutput(child);
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code ?? '?'}`));
  });
  const url = `http://${hostForUrl(options.host)}:${options.port}/`;
  const ready = waitUntilAnswering(url, exited, options.readyTimeoutMs ?? 180_000);
  // A caller that stops before ready has its answer in `exited`; no unhandled rejection meanwhile.
  ready.catch(() => {});
  return { pid, ready, exited, stop: () => stopGroup(child, exited) };
}

function forwardOutput(child: ChildProcess): void {
  for (const [stream, sink] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      // Its own URL would be a second, token-less one to open; ours is printed once the site answers.
      if (/running at:?\s*http/i.test(line)) return;
      sink.write(`[site] ${line}\n`);
    });
  }
}

async function waitUntilAnswering(url: string, exited: Promise<string>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let gone: string | undefined;
  void exited.then((how) => {
    gone = how;
  });
  while (Date.now() < deadline) {
    if (gone !== undefined)
      throw new DevSiteError('exited', `Docusaurus stopped before serving (${gone}); see its output above.`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status < 500) return;
    } catch {
      // Not listening yet (or still compiling): try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new DevSiteError(
    'timeout',
    `Docusaurus did not answer at ${url} within ${Math.round(timeoutMs / 1000)} s.`,
  );
}

async function stopGroup(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    killGroup(child, 'SIGKILL'); // stragglers of a leader that already ended
    return;
  }
  killGroup(child, 'SIGTERM');
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
  killGroup(child, 'SIGKILL');
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    // ESRCH: the group is already empty, which is the goal.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function hostForUrl(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}
