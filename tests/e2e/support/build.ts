import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { delay } from './processes';

export const PROJECT_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const BUILD_DIR = path.join(PROJECT_ROOT, 'build');

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
const CACHE_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-site-build');
const KEY_FILE = path.join(CACHE_DIR, 'key.json');
const LOCK_DIR = path.join(CACHE_DIR, 'lock');
const BUILD_TIMEOUT_MS = 240_000;

export interface SiteBuild {
  buildDir: string;
  /** False when build/ already matched the inputs and was reused. */
  rebuilt: boolean;
  seconds: number;
}

/**
 * Makes sure build/ is `npm run build` of the current sources. Test files in several workers may ask
 * at once: a lock directory makes one of them build while the others wait, and a key (hash of the
 * inputs plus build/index.html's mtime, so a hand-run build also counts as a change) lets every later
 * caller in this run, or the next run with unchanged sources, skip the 10-20 s build.
 */
export async function ensureSiteBuilt(): Promise<SiteBuild> {
  const started = Date.now();
  await mkdir(CACHE_DIR, { recursive: true });
  await acquireLock();
  try {
    const inputs = await hashInputs();
    if (await isCurrent(inputs)) {
      return { buildDir: BUILD_DIR, rebuilt: false, seconds: (Date.now() - started) / 1000 };
    }
    await rm(KEY_FILE, { force: true });
    await runBuild();
    const indexMtimeMs = (await stat(path.join(BUILD_DIR, 'index.html'))).mtimeMs;
    await writeFile(KEY_FILE, JSON.stringify({ inputs, indexMtimeMs }));
    return { buildDir: BUILD_DIR, rebuilt: true, seconds: (Date.now() - started) / 1000 };
  } finally {
    await rm(LOCK_DIR, { recursive: true, force: true });
  }
}

async function isCurrent(inputs: string): Promise<boolean> {
  if (!existsSync(KEY_FILE) || !existsSync(path.join(BUILD_DIR, 'index.html'))) return false;
  const key = JSON.parse(await readFile(KEY_FILE, 'utf8')) as { inputs: string; indexMtimeMs: number };
  const indexMtimeMs = (await stat(path.join(BUILD_DIR, 'index.html'))).mtimeMs;
  return key.inputs === inputs && key.indexMtimeMs === indexMtimeMs;
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
  } catch {
    return true;
  }
}

function runBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['docusaurus', 'build'], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      reject(
        new Error(
          `\`npx docusaurus build\` failed (${code ?? signal}); fix the site first:\n${output.slice(-6000)}`,
        ),
      );
    });
  });
}
