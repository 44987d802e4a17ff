/** The printed Lighthouse table and the one-line comparison with the stock template. */
import type { PageScore } from './measure';
import { percentile } from '../stats';

export const GOALS = {
  desktop: { performance: 98, accessibility: 100 },
  mobile: { performance: 90, accessibility: 100, tbtMs: 200 },
};

export function met(score: PageScore): boolean {
  const goal = GOALS[score.formFactor];
  return (
    score.performance >= goal.performance &&
    score.accessibility >= goal.accessibility &&
    (score.formFactor === 'desktop' || score.tbtMs <= GOALS.mobile.tbtMs)
  );
}

export function table(scores: PageScore[]): string {
  const spread = scores.some((score) => score.performanceRuns.length > 1);
  const rows = scores.map((score) => [
    score.page,
    score.formFactor,
    String(score.performance),
    ...(spread ? [score.performanceRuns.join(' ')] : []),
    String(score.accessibility),
    String(score.tbtMs),
    String(score.lcpMs),
    met(score) ? 'yes' : `NO${score.failedA11y.length > 0 ? ` (${score.failedA11y.join(', ')})` : ''}`,
  ]);
  const header = [
    'page',
    'device',
    'perf',
    ...(spread ? ['perf, each run'] : []),
    'a11y',
    'TBT ms',
    'LCP ms',
    'met?',
  ];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** "mobile: performance 88 (85-92), TBT 410 ms (304-516)": the median page, and the range. */
export function mobileSummary(scores: PageScore[]): string {
  const mobile = scores.filter((score) => score.formFactor === 'mobile');
  const range = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return `${percentile(sorted, 0.5)} (${sorted[0]}-${sorted[sorted.length - 1]})`;
  };
  return (
    `mobile, ${mobile.length} pages: performance ${range(mobile.map((s) => s.performance))}, ` +
    `TBT ${range(mobile.map((s) => s.tbtMs))} ms`
  );
}
