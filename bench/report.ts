/** The printed table and the JSON record of one bench run. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TableRow } from './figures';
import type { TargetRecord } from './measureTarget';
import { formatCpuShares } from './measures/cpuShare';
import { formatHopTable, type HopSummary } from './measures/keystrokeHops';
import type { CatRun } from './measures/throughput';
import { round, type Summary } from './stats';

export function formatNumber(value: number | null): string {
  if (value === null) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  return magnitude >= 100 ? value.toFixed(0) : magnitude >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatTable(rows: TableRow[], notes: string[]): string {
  const header = ['figure', 'unit', 'ours', 'wetty', 'ratio', 'goal', 'met?'];
  const cells = rows.map((row) => [
    row.figure,
    row.unit,
    formatNumber(row.ours),
    formatNumber(row.wetty),
    row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
    row.goal,
    row.met === null ? '—' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: string[]) =>
    `| ${values.map((v, i) => (i >= 2 && i <= 4 ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [line(header), rule, ...cells.map(line), ...notes.map((note) => `\n${note}`)].join('\n');
}

export function writeResults(dir: string, record: unknown, stamp: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(record, null, 2)}\n`);
  return file;
}

/** Each product's warm Run and keystroke, hop by hop (bench/measures/runHops.ts, keystrokeHops.ts): why each takes what it takes. */
export function hopTables(records: Partial<Record<string, TargetRecord>>): string[] {
  const tables: string[] = [];
  for (const [name, record] of Object.entries(records)) {
    const run = record?.details.runHops as HopSummary[] | undefined;
    if (run?.length)
      tables.push(formatHopTable(`${name}: click Run → first output painted (warm), hop by hop`, run));
    const alone = record?.details.runAtProtocol as Summary | undefined;
    if (alone)
      tables.push(
        `${name}: the same Run from a Node client on the same server, no page (server, shell, loopback): ` +
          `p50 ${round(alone.p50)} ms, p95 ${round(alone.p95)} ms, n ${alone.n}`,
      );
    const ctrlC = record?.details.ctrlCHops as HopSummary[] | undefined;
    if (ctrlC?.length)
      tables.push(formatHopTable(`${name}: Ctrl-C during yes → prompt painted, hop by hop`, ctrlC));
    const cat = (record?.details.cat as CatRun[] | undefined)?.at(-1);
    if (cat?.cpuShares)
      tables.push(
        formatCpuShares(`${name}: cat, CPU by process (% of one core; 2 cores here)`, cat.cpuShares),
      );
    const echo = record?.details.echoHops as HopSummary[] | undefined;
    const many = record?.details.manyHops as HopSummary[] | undefined;
    if (echo?.length) tables.push(formatHopTable(`${name}: keystroke → echo, hop by hop`, echo));
    if (many?.length)
      tables.push(formatHopTable(`${name}: keystroke → echo with the other terminals typing`, many));
  }
  return tables;
}
