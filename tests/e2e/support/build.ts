import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import { delay } from './processes';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-site-build');
/**
 * `npm run build` of the current sources, made with `--out-dir` into a directory of the tests' own:
 * in a checkout where someone runs `npm run build` by hand, two builds emptying and filling the same
 * build/ at once break each other. Everything else about the build is the README's.
 */
export const BUILD_DIR = path.join(CACHE_DIR, 'build');

// What `docusaurus build` reads. A change to any of them means build/ is stale.
const BUILD_INPUTS = [
  'docs',
  'src',
  'static',
  'docusaurus.config.ts',
  'sidebars.ts',
  'package-lock.json',
  'tsconfig.json',
];
const KEY_FILE = path.join(CACHE_DIR, 'key.json');
const LOCK_DIR = path.join(CACHE_DIR, 'lock');
const BUILD_TIMEOUT_MS = 240_000;
/**
 * For a `beforeAll` that builds: one build, a wait for another worker's build, and some page loads.
 * vitest's default hook timeout is too short for a cold build on a busy 2-core machine.
 */
export const BUILD_HOOK_TIMEOUT_MS = 2 * BUILD_TIMEOUT_MS;

export interface SiteBuild {
  buildDir: string;
  /** False when build/ already matched the inputs and was reused. */
  rebuilt: boolean;
  seconds: number;
}

interface BuildRecord {
  inputs: string;
  /** The vitest run that made or last confirmed this build (see globalSetup.ts). */
  runId: string | undefined;
  indexMtimeMs?: number;
  /** Set when the build failed: every later caller in the same run gets this error at once. */
  failure?: string;
}

/**
 * Makes sure BUILD_DIR is a build of the current sources, made at most once per test run. Test files
 * in several workers ask at once: a lock directory makes one build while the others wait. A record
 * (hash of the inputs, the run, index.html's mtime) lets every later caller in the run reuse it, even
 * if a file changed meanwhile (one run tests one snapshot), and lets the next run skip the build when
 * nothing changed. A failed build is recorded too, so the other test files fail at once with its
 * message instead of building again.
 */
export async function ensureSiteBuilt(): Promise<SiteBuild> {
  const started = Date.now();
  const runId = currentRunId();
  await mkdir(CACHE_DIR, { recursive: true });
  await acquireLock();
  try {
    const record = await readRecord();
    const sameRun = runId !== undefined && record?.runId === runId;
    const inputs = sameRun && record ? record.inputs : await hashInputs();
    if (record?.failure && sameRun) throw new Error(record.failure);
    if (record && record.inputs === inputs && (await indexMtimeMs()) === record.indexMtimeMs) {
      if (!sameRun) await writeRecord({ ...record, runId });
      return { buildDir: BUILD_DIR, rebuilt: false, seconds: (Date.now() - started) / 1000 };
    }
    await rm(KEY_FILE, { force: true });
    const failure = await runBuild();
    if (failure) {
      await writeRecord({ inputs, runId, failure });
      throw new Error(failure);
    }
    await writeRecord({ inputs, runId, indexMtimeMs: await indexMtimeMs() });
    const seconds = (Date.now() - started) / 1000;
    console.log(`site built into ${path.relative(PROJECT_ROOT, BUILD_DIR)} in ${seconds.toFixed(1)} s`);
    return { buildDir: BUILD_DIR, rebuilt: true, seconds };
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
}

/** The id globalSetup.ts hands every test file of one `vitest run`; none outside vitest (e.g. bench/). */
function currentRunId(): string | undefined {
  return process.env['VITEST'] ? inject('siteBuildRunId') : undefined;
}

async function readRecord(): Promise<BuildRecord | undefined> {
  if (!existsSync(KEY_FILE)) return undefined;
  return JSON.parse(await readFile(KEY_FILE, 'utf8')) as BuildRecord;
}

async function writeRecord(record: BuildRecord): Promise<void> {
  await writeFile(KEY_FILE, JSON.stringify(record));
}

async function indexMtimeMs(): Promise<number | undefined> {
  const index = path.join(BUILD_DIR, 'index.html');
  return existsSync(index) ? (await stat(index)).mtimeMs : undefined;
}

async function hashInputs(): Promise<string> {
  const hash = createHash('sha256');
  for (const input of BUILD_INPUTS) {
    for (const file of await listFiles(path.join(PROJECT_ROOT, input))) {
      hash.update(path.relative(PROJECT_ROOT, file)).update('\0');
      hash.update(await readFile(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

/** Every file under `target` (or `target` itself), sorted so the hash does not depend on readdir order. */
export async function listFiles(target: string): Promise<string[]> {
  if (!existsSync(target)) return [];
  if (!(await stat(target)).isDirectory()) return [target];
  const entries = await readdir(target, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

async function acquireLock(): Promise<void> {
  const deadline = Date.now() + BUILD_TIMEOUT_MS + 30_000;
  for (;;) {
    try {
      await mkdir(LOCK_DIR);
      await writeFile(path.join(LOCK_DIR, 'pid'), String(process.pid));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStaleLock()) {
      await rm(LOCK_DIR, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `Another test process has held ${LOCK_DIR} for too long; remove it if no build is running.`,
      );
    }
    await delay(250);
  }
}

/** A lock whose owner died (a killed test run) must not block the next run forever. */
async function isStaleLock(): Promise<boolean> {
  const pidFile = path.join(LOCK_DIR, 'pid');
  if (!existsSync(pidFile)) {
    // Between mkdir and writing the pid: give the owner a moment before judging.
    const age = Date.now() - (await stat(LOCK_DIR).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
    return age > 10_000;
  }
  const pid = Number(await readFile(pidFile, 'utf8'));
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // EPERM: alive, but someone else's; only ESRCH says the owner is gone.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * `npx docusaurus build` of `siteDir` into `outDir`, with its output. In a process group of its own, so
 * a timeout ends docusaurus itself and not only npx: a build left running holds Rspack's cache in
 * node_modules/.cache and every later build waits on it.
 */
export function docusaurusBuild(
  siteDir: string,
  outDir: string,
  timeoutMs = BUILD_TIMEOUT_MS,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['docusaurus', 'build', '--out-dir', outDir], {
      cwd: siteDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      detached: true,
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    }, timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}

/** Runs the build; resolves with a message saying why it failed, or undefined when it succeeded. */
async function runBuild(): Promise<string | undefined> {
  const { code, signal, output } = await docusaurusBuild(PROJECT_ROOT, BUILD_DIR);
  if (code === 0) return undefined;
  return `\`npx docusaurus build --out-dir ${BUILD_DIR}\` failed (${code ?? signal}); fix the site first:\n${output.slice(-6000)}`;
}
