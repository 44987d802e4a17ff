// `npm run check-pages`, run as a reader of its output would: its own command line, as a child process.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../server/checkPages/findings';

const REPO = resolve(__dirname, '../..');
const CLI = join(REPO, 'server/checkPages/cli.ts');
const PLANTED = 'tests/checkPages/__fixtures__/planted/problems.md';

function checkPages(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: REPO }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** The 1-based line of the planted page that contains `text`. */
function lineWith(text: string): number {
  const index = readFileSync(join(REPO, PLANTED), 'utf8')
    .split('\n')
    .findIndex((line) => line.includes(text));
  if (index < 0) throw new Error(`the planted page has no line with ${text}`);
  return index + 1;
}

describe('check-pages', () => {
  it('passes on docs/: no errors, exit 0', async () => {
    const run = await checkPages('--json');
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(summary.pages).toBeGreaterThan(5);
    expect(run.code).toBe(0);
  });

  it('finds each planted problem, at its line, one line each, and exits 1', async () => {
    const run = await checkPages(PLANTED);
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.at(-1)).toBe('1 page checked: 4 error(s), 4 warning(s)');
    expect(lines.slice(0, -1).map((line) => /^\S+:\d+: \w+ [\w-]+/.exec(line)?.[0])).toEqual([
      `${PLANTED}:${lineWith('never closed')}: error bash-syntax`,
      `${PLANTED}:${lineWith('$CLUSTER_NAME')}: warning undeclared-variable`,
      `${PLANTED}:${lineWith('terminal="sidecar"')}: warning single-use-terminal`,
      `${PLANTED}:${lineWith('runs forever')}: warning background-never-stopped`,
      `${PLANTED}:${lineWith('orphaned output') - 1}: warning unpaired-output`,
      `${PLANTED}:${lineWith('hunter2')}: error secret-in-output`,
      `${PLANTED}:${lineWith('missing-diagram.png')}: error missing-image`,
      `${PLANTED}:${lineWith('no-such-page.md')}: error missing-link`,
    ]);
    expect(run.stdout).not.toContain('hunter2');
  });

  it('prints the same findings as JSON for CI', async () => {
    const run = await checkPages('--json', PLANTED);
    const summary = JSON.parse(run.stdout) as Summary;
    expect(summary).toMatchObject({ ok: false, pages: 1, errors: 4, warnings: 4 });
    expect(summary.findings.map((f) => f.code)).toContain('undeclared-variable');
    expect(run.code).toBe(1);
  });

  it('reports the seed page’s missing pictures and its clear-text password', async () => {
    const run = await checkPages('--json', 'tests/remark/__fixtures__/authored/hybrid-cloud-walkthrough.md');
    const summary = JSON.parse(run.stdout) as Summary;
    const codes = summary.findings.map((f) => f.code);
    expect(codes.filter((code) => code === 'missing-image')).toHaveLength(5);
    expect(codes).toContain('secret-in-output');
  });

  it('says so, with exit 2, for an option it does not know', async () => {
    const run = await checkPages('--no-such-option');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option/);
  });
});
