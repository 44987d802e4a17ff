/**
 * `npm run bench` still works: a tiny run against the project alone (wetty's install needs the
 * npm registry; the side-by-side comparison is the bench's own job). It checks the shape of the
 * table and the JSON, and that every figure is a number; never a time, since speed goals belong
 * to bench/ and this machine is shared.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD_DIR, BUILD_HOOK_TIMEOUT_MS, PROJECT_ROOT, ensureSiteBuilt } from '../e2e/support/site';

const TINY = ['--runs', '2', '--cold-runs', '1', '--keys', '3', '--cat-mb', '1', '--cat-runs', '1'];
const TINY_REST = ['--yes-seconds', '1', '--ctrl-c-runs', '1', '--terminals', '3'];

interface BenchRow {
  id: string;
  figure: string;
  unit: string;
  ours: number | null;
  wetty: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
}

interface BenchRecord {
  rows: BenchRow[];
  targets: { ours?: { status: string; figures: Record<string, number>; errors: Record<string, string> } };
}

/** A row of a hop table: the hop's label, p50 and p95 with two decimals, and `n` samples. */
function hopRow(hop: string, n: number): RegExp {
  return new RegExp(
    `\\|\\s+${hop.replace(/[|()]/g, '\\$&')}[^|]*\\| +\\d+\\.\\d\\d \\| +\\d+\\.\\d\\d \\| +${n} \\|`,
  );
}

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'bench', '--', ...args], {
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

describe('npm run bench, at tiny sizes', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'rw-bench-smoke-'));
  let result: { code: number | null; stdout: string; stderr: string };
  let record: BenchRecord;

  beforeAll(async () => {
    await ensureSiteBuilt();
    result = await runBench([
      ...TINY,
      ...TINY_REST,
      '--targets',
      'ours',
      '--skip-build',
      '--build-dir',
      BUILD_DIR,
      '--out',
      out,
    ]);
    const latest = path.join(out, 'latest.json');
    if (existsSync(latest)) record = JSON.parse(readFileSync(latest, 'utf8')) as BenchRecord;
  }, BUILD_HOOK_TIMEOUT_MS + 300_000);

  it('exits 0 and prints the table with its header and one line per figure', () => {
    expect(result.code, result.stderr.slice(-3000)).toBe(0);
    const table = result.stdout.split('\n\n')[0] ?? '';
    const lines = table.split('\n').filter((line) => line.startsWith('|'));
    expect(lines[0]).toMatch(/^\| figure +\| unit +\| +ours \| +wetty \| +ratio \| goal +\| met\? +\|$/);
    expect(lines.length).toBe(2 + record.rows.length);
  });

  it('writes JSON whose rows name every figure with its goal, and measured every figure of ours as a number', () => {
    expect(record.rows.map((row) => row.id)).toEqual(
      expect.arrayContaining([
        'run.p50',
        'run.p95',
        'coldRun.p50',
        'cat.mibps',
        'cat.longestTask',
        'yes.heap',
        'yes.rss',
        'yes.unacked',
        'ctrlC.p50',
        'echo.p50',
        'echo.p95',
        'many.p95',
        'firstLoad.gzip',
        'firstLoad.xterm',
      ]),
    );
    expect(record.targets.ours?.errors).toEqual({});
    for (const row of record.rows) {
      expect(typeof row.ours, row.id).toBe('number');
      expect(Number.isFinite(row.ours), row.id).toBe(true);
      expect(row.wetty).toBeNull();
      expect(row.goal).not.toBe('');
    }
  });

  it('judges a goal as met or not for every figure that has one', () => {
    for (const row of record.rows) {
      if (row.goal === '—') expect(row.met).toBeNull();
      else if (row.id === 'cat.mibps' || row.id === 'echo.p50')
        expect(row.met === false || row.met === null).toBe(true); // needs wetty's ratio
      else expect(typeof row.met, row.id).toBe('boolean');
    }
  });

  it("prints each keystroke hop by hop, the server's hops from its own trace among them", () => {
    const hops = result.stdout.split('ours: keystroke → echo, hop by hop')[1] ?? '';
    for (const hop of [
      'keydown → input frame sent',
      'network, both ways',
      'server: pty write → pty read',
      'total: keydown → echo painted',
    ])
      expect(hops, hop).toMatch(hopRow(hop, 3));
    expect(result.stdout).toMatch(/load average \(1, 5, 15 min\) at the end: \d/);
  });

  it('prints each warm Run hop by hop: the click, the answer, the drawing, the paint', () => {
    const hops = result.stdout.split('ours: click Run → first output painted (warm), hop by hop')[1] ?? '';
    for (const hop of [
      'click (wetty: Enter) → run frame sent',
      'run frame sent → frame with the output handled',
      'frame received → xterm rendered it',
      'total: click → first output painted',
    ])
      expect(hops, hop).toMatch(hopRow(hop, 2));
  });

  it('prints the same Run without a page, from a client on the same server, for comparison', () => {
    const line =
      /ours: the same Run from a Node client on the same server.*: p50 ([\d.]+) ms, p95 ([\d.]+) ms, n (\d+)/.exec(
        result.stdout,
      );
    expect(line, result.stdout.slice(-3000)).not.toBeNull();
    const [p50, p95, n] = [Number(line?.[1]), Number(line?.[2]), Number(line?.[3])];
    expect(n).toBeGreaterThan(0);
    expect(p50).toBeGreaterThan(0);
    expect(p95).toBeGreaterThanOrEqual(p50);
  });

  it('prints who did the work during cat: the page, the browser, the server, each a share of a core', () => {
    const shares = result.stdout.split('ours: cat, CPU by process (% of one core; 2 cores here)')[1] ?? '';
    for (const group of ['page (Chromium renderer)', 'server'])
      expect(shares, group).toMatch(new RegExp(`\\n +\\d+ %  ${group.replace(/[()]/g, '\\$&')}`));
  });

  it('prints the Ctrl-C during yes hop by hop, down to the frame that carried the prompt', () => {
    const hops = result.stdout.split('ours: Ctrl-C during yes → prompt painted, hop by hop')[1] ?? '';
    for (const hop of [
      'Ctrl-C keydown → its input frame sent',
      'Ctrl-C sent → frame with the prompt handled',
      'total: Ctrl-C → prompt painted',
    ])
      expect(hops, hop).toMatch(hopRow(hop, 1));
  });
});
