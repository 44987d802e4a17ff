// Test support: a fresh set of simulated clusters (tests/fakes, test doubles) in a temp dir, and a way
// to run the fake CLIs against them directly (without a terminal).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { expect } from 'vitest';

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

// Every fake is a Node process (~0.3 s each on an idle machine, seconds on a busy one).
export const MANY_CALLS = 120_000;

/** `crc start` with the pull secret, then `oc login` as kubeadmin: the local cluster, ready. */
export async function startLocal(fakes: FakeClusters): Promise<CliResult> {
  const started = await fakes.run('crc', ['start'], { input: `${PULL_SECRET}\n` });
  expect(started.code).toBe(0);
  const login = await fakes.run('oc', ['login', '-u', 'kubeadmin', 'https://api.crc.testing:6443']);
  expect(login.code).toBe(0);
  return started;
}
