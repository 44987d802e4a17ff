/**
 * `npm run bench:lighthouse` still works: one page, one run, both devices, on the tests' build. It
 * checks the table and the JSON, and that every score is a score; never a time or a performance
 * score's value, since speed goals belong to bench/ and this machine is shared. (The stock-template
 * comparison, `--stock`, needs the npm registry and a few minutes: it is the bench's own job.)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, BUILD_HOOK_TIMEOUT_MS, PROJECT_ROOT, ensureSiteBuilt } from '../e2e/support/site';

interface LighthouseRecord {
  runs: number;
  goals: { mobile: { tbtMs: number } };
  scores: {
    page: string;
    formFactor: string;
    performance: number;
    accessibility: number;
    tbtMs: number;
    lcpMs: number;
    performanceRuns: number[];
    failedA11y: string[];
  }[];
}

function runLighthouse(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench:lighthouse', '--', ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run bench:lighthouse, one page', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'rw-lighthouse-smoke-'));
  let result: { code: number | null; stdout: string; stderr: string };
  let record: LighthouseRecord | undefined;

  beforeAll(async () => {
    await ensureSiteBuilt();
    result = await runLighthouse([
      '--skip-build',
      '--build-dir',
      BUILD_DIR,
      '--out',
      out,
      '--pages',
      '/requirements',
    ]);
    const latest = path.join(out, 'lighthouse-latest.json');
    if (existsSync(latest)) record = JSON.parse(readFileSync(latest, 'utf8')) as LighthouseRecord;
  }, BUILD_HOOK_TIMEOUT_MS + 300_000);

  it('exits 0 and prints a row per device with its scores and whether the goals are met', () => {
    expect(result.code, result.stderr.slice(-3000)).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| /requirements'));
    expect(rows.map((row) => row.split('|')[2]?.trim())).toEqual(['desktop', 'mobile']);
    for (const row of rows) expect(row).toMatch(/\| \d+ +\| \d+ +\| \d+ +\| \d+ +\| (yes|NO.*) +\|$/);
    expect(result.stdout).toMatch(
      /ours: mobile, 1 pages: performance \d+ \(\d+-\d+\), TBT \d+ \(\d+-\d+\) ms/,
    );
  });

  it('writes JSON with a score between 0 and 100 for each device, and full accessibility on the page', () => {
    expect(record?.runs).toBe(1);
    expect(record?.scores.map((score) => score.formFactor)).toEqual(['desktop', 'mobile']);
    for (const score of record?.scores ?? []) {
      expect(score.page).toBe('/requirements');
      expect(score.performance).toBeGreaterThanOrEqual(0);
      expect(score.performance).toBeLessThanOrEqual(100);
      expect(score.performanceRuns).toEqual([score.performance]);
      expect(Number.isFinite(score.tbtMs) && Number.isFinite(score.lcpMs)).toBe(true);
      expect(score.accessibility, score.failedA11y.join(', ')).toBe(100);
    }
  });
});
