/** Where and how this machine's shells run, with the defaults a reader's laptop wants. */
import { lstatSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { HubError } from '../../hub';

export interface LocalShellOptions {
  /** bash to run (our shell integration is bash's); default $SHELL if it is bash, else `bash`. */
  shell?: string;
  /** Where shells start; default the user's home. */
  cwd?: string;
  /** Added to (or, with undefined, removed from) the server's environment. */
  env?: Record<string, string | undefined>;
  /** Private directory for the rc file, staged steps and orphan records. */
  stateDir?: string;
}

export type ResolvedLocalOptions = Required<Omit<LocalShellOptions, 'env'>> & { env: Record<string, string> };

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

export function resolveLocalOptions(options: LocalShellOptions): ResolvedLocalOptions {
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
    stateDir: options.stateDir ?? defaultStateDir(),
  };
}
