/** The terminal hub's settings, with the defaults a reader's laptop wants. */
import { lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from '../log';
import { HubError } from '../hub';
import type { SpawnTerminalProcess } from './terminalProcess';

export interface TerminalHubOptions {
  /** bash to run (our shell integration is bash's); default $SHELL if it is bash, else `bash`. */
  shell?: string;
  /** Where shells start; default the user's home. */
  cwd?: string;
  /** Added to (or, with undefined, removed from) the server's environment. */
  env?: Record<string, string | undefined>;
  /** Terminals at once, background ones included; default 16. */
  maxTerminals?: number;
  /** How long a terminal with no client attached lives on; default 10 minutes. */
  graceMs?: number;
  /** A terminal with no input or output (and no step) for this long is closed; default 2 hours. */
  idleMs?: number;
  /** UTF-16 units of recent output each terminal keeps for re-attaching clients; default 512 Ki. */
  scrollbackUnits?: number;
  /** Rows of scrollback in a screen snapshot; default 1000. */
  snapshotRows?: number;
  /** Private directory for the rc file, staged steps and orphan records. */
  stateDir?: string;
  log?: Logger;
  /** How a terminal's process is made; default node-pty on this machine. */
  spawn?: SpawnTerminalProcess;
}

export type ResolvedOptions = Required<Omit<TerminalHubOptions, 'env'>> & { env: Record<string, string> };

export function defaultShell(): string {
  const shell = process.env.SHELL;
  return shell && path.basename(shell) === 'bash' ? shell : 'bash';
}

export function defaultStateDir(): string {
  const runtime = process.env.XDG_RUNTIME_DIR;
  const uid = os.userInfo().uid;
  return runtime
    ? path.join(runtime, 'runnable-walkthrough')
    : path.join(os.tmpdir(), `runnable-walkthrough-${uid}`);
}

/** npm's own variables describe the server's `npm start`, not the reader's shell (npm_config_prefix breaks nvm). */
function shellEnvironment(extra: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...process.env, ...extra })) {
    if (value === undefined || key.startsWith('npm_') || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  env.TERM = 'xterm-256color';
  env.COLORTERM = 'truecolor';
  return env;
}

/**
 * The state directory may sit in a shared /tmp: it must be a real directory of ours, not a
 * link someone planted, or our rc file could be swapped for theirs.
 */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== os.userInfo().uid || (stat.mode & 0o077) !== 0) {
    throw new HubError(
      'internal',
      `The terminal state directory ${dir} is not a private directory of this user; remove it or choose another.`,
    );
  }
}

export function resolveOptions(
  options: TerminalHubOptions,
  defaults: { log: Logger; spawn: SpawnTerminalProcess },
): ResolvedOptions {
  const shell = options.shell ?? defaultShell();
  if (!/bash$/.test(path.basename(shell))) {
    throw new HubError(
      'internal',
      `The shell must be bash (its rc file carries the step marks); got ${shell}.`,
    );
  }
  return {
    shell,
    cwd: options.cwd ?? os.homedir(),
    env: shellEnvironment(options.env ?? {}),
    maxTerminals: options.maxTerminals ?? 16,
    graceMs: options.graceMs ?? 10 * 60_000,
    idleMs: options.idleMs ?? 2 * 60 * 60_000,
    scrollbackUnits: options.scrollbackUnits ?? 512 * 1024,
    snapshotRows: options.snapshotRows ?? 1000,
    stateDir: options.stateDir ?? defaultStateDir(),
    log: options.log ?? defaults.log,
    spawn: options.spawn ?? defaults.spawn,
  };
}
