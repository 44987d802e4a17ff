// Test support: a fresh set of simulated clusters (tests/fakes, test doubles) in a temp dir, and a way
// to run the fake CLIs against them directly (without a terminal).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

export const FAKES_BIN = resolve(__dirname, '../../fakes/bin');

/** A pull secret crc accepts: the shape the Red Hat console hands out. */
export const PULL_SECRET = '{"auths":{"cloud.openshift.com":{"auth":"ZmFrZTpmYWtl"}}}';

export interface FakeClusters {
  /** Temp HOME; the clusters' state lives in `home/.fake-clusters`. */
  home: string;
  env: NodeJS.ProcessEnv;
  run(
    command: string,
    args: string[],
    options?: { input?: string; env?: NodeJS.ProcessEnv },
  ): Promise<CliResult>;
  remove(): void;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function createFakeClusters(): FakeClusters {
  const home = mkdtempSync(join(tmpdir(), 'rehearse-home-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    FAKE_CLUSTERS_DIR: join(home, '.fake-clusters'),
    PATH: `${FAKES_BIN}${delimiter}${process.env.PATH ?? ''}`,
    // The terminal hub keeps its rc file and staged steps under $XDG_RUNTIME_DIR: one per test, so
    // that hubs of tests running side by side never share (or rewrite) each other's files.
    XDG_RUNTIME_DIR: join(home, '.runtime'),
    KUBECONFIG: '',
  };
  delete env.KUBECONFIG;
  const run: FakeClusters['run'] = (command, args, options = {}) =>
    new Promise((done) => {
      const child = execFile(
        join(FAKES_BIN, command),
        args,
        { env: { ...env, ...options.env }, cwd: home },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          done({ code, stdout, stderr });
        },
      );
      child.stdin?.end(options.input ?? '');
    });
  return { home, env, run, remove: () => rmSync(home, { recursive: true, force: true }) };
}
