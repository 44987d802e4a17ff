/** The figures the bench reports, their goals (issue 13's table), and the table rows built from both columns. */
export type FigureId =
  | 'run.p50'
  | 'run.p95'
  | 'coldRun.p50'
  | 'coldRun.p95'
  | 'cat.mibps'
  | 'cat.longestTask'
  | 'cat.rss'
  | 'yes.heap'
  | 'yes.heapAfterGc'
  | 'yes.rss'
  | 'yes.unacked'
  | 'ctrlC.p50'
  | 'ctrlC.p95'
  | 'echo.p50'
  | 'echo.p95'
  | 'many.p95'
  | 'firstLoad.gzip'
  | 'firstLoad.xterm';

export interface Goal {
  max?: number;
  min?: number;
  /** ours ÷ wetty must be at least this (a throughput). */
  minRatio?: number;
  /** ours ÷ wetty must be at most this (a time). */
  maxRatio?: number;
}

export interface FigureDef {
  id: FigureId;
  label: string;
  unit: string;
  goal?: Goal;
}

export interface FigureSizes {
  catMib: number;
  yesSeconds: number;
  terminals: number;
}

export function figureDefs(sizes: FigureSizes): FigureDef[] {
  return [
    { id: 'run.p50', label: 'click Run → first output painted (warm), p50', unit: 'ms' },
    { id: 'run.p95', label: 'click Run → first output painted (warm), p95', unit: 'ms', goal: { max: 50 } },
    {
      id: 'coldRun.p50',
      label: 'first Run on a fresh page, incl. loading xterm, p50',
      unit: 'ms',
      goal: { max: 150 },
    },
    { id: 'coldRun.p95', label: 'first Run on a fresh page, incl. loading xterm, p95', unit: 'ms' },
    {
      id: 'cat.mibps',
      label: `cat ${sizes.catMib} MB into the terminal, p50`,
      unit: 'MB/s',
      goal: { min: 15, minRatio: 1.2 },
    },
    {
      id: 'cat.longestTask',
      label: `cat ${sizes.catMib} MB: longest main-thread task`,
      unit: 'ms',
      goal: { max: 50 },
    },
    {
      id: 'cat.rss',
      label: `cat ${sizes.catMib} MB: server RSS, max`,
      unit: 'MB',
      goal: { max: 100 },
    },
    {
      id: 'yes.heap',
      label: `yes for ${sizes.yesSeconds} s: page JS heap, max`,
      unit: 'MB',
      goal: { max: 64 },
    },
    {
      id: 'yes.heapAfterGc',
      label: `yes for ${sizes.yesSeconds} s: page JS heap after a GC`,
      unit: 'MB',
    },
    {
      id: 'yes.rss',
      label: `yes for ${sizes.yesSeconds} s: server RSS, max`,
      unit: 'MB',
      goal: { max: 100 },
    },
    {
      id: 'yes.unacked',
      label: `yes for ${sizes.yesSeconds} s: unacknowledged output, max`,
      unit: 'KB',
      goal: { max: 500 },
    },
    { id: 'ctrlC.p50', label: 'Ctrl-C during yes → prompt painted, p50', unit: 'ms', goal: { max: 50 } },
    { id: 'ctrlC.p95', label: 'Ctrl-C during yes → prompt painted, p95', unit: 'ms' },
    {
      id: 'echo.p50',
      label: 'keystroke → echo painted, p50',
      unit: 'ms',
      goal: { max: 17, maxRatio: 1 },
    },
    { id: 'echo.p95', label: 'keystroke → echo painted, p95', unit: 'ms', goal: { max: 25 } },
    {
      id: 'many.p95',
      label: `${sizes.terminals} terminals on one server: echo painted, p95`,
      unit: 'ms',
      goal: { max: 30 },
    },
    { id: 'firstLoad.gzip', label: 'first-load JavaScript of a page, gzip', unit: 'KB', goal: { max: 200 } },
    {
      id: 'firstLoad.xterm',
      label: 'first-load JavaScript: of which xterm, gzip',
      unit: 'KB',
      goal: { max: 0 },
    },
  ];
}

export type Figures = Partial<Record<FigureId, number>>;

export interface TableRow {
  id: FigureId;
  figure: string;
  unit: string;
  ours: number | null;
  wetty: number | null;
  /** ours ÷ wetty. */
  ratio: number | null;
  goal: string;
  /** null: no goal, or ours was not measured. */
  met: boolean | null;
}

export function describeGoal(goal: Goal | undefined, unit: string): string {
  if (!goal) return '—';
  const parts: string[] = [];
  if (goal.max !== undefined) parts.push(`≤ ${goal.max} ${unit}`);
  if (goal.min !== undefined) parts.push(`≥ ${goal.min} ${unit}`);
  if (goal.minRatio !== undefined) parts.push(`≥ ${goal.minRatio}× wetty`);
  if (goal.maxRatio !== undefined) parts.push(goal.maxRatio === 1 ? '≤ wetty' : `≤ ${goal.maxRatio}× wetty`);
  return parts.join(', ');
}

export function tableRows(defs: FigureDef[], ours: Figures, wetty: Figures): TableRow[] {
  return defs.map((def) => {
    const o = finite(ours[def.id]);
    const w = finite(wetty[def.id]);
    const ratio = o !== null && w !== null && w !== 0 ? o / w : null;
    return {
      id: def.id,
      figure: def.label,
      unit: def.unit,
      ours: o,
      wetty: w,
      ratio,
      goal: describeGoal(def.goal, def.unit),
      met: judge(def.goal, o, ratio),
    };
  });
}

function judge(goal: Goal | undefined, value: number | null, ratio: number | null): boolean | null {
  if (!goal || value === null) return null;
  if (goal.max !== undefined && value > goal.max) return false;
  if (goal.min !== undefined && value < goal.min) return false;
  if (goal.minRatio === undefined && goal.maxRatio === undefined) return true;
  if (ratio === null) return null;
  return ratio >= (goal.minRatio ?? -Infinity) && ratio <= (goal.maxRatio ?? Infinity);
}

function finite(value: number | undefined): number | null {
  return value !== undefined && Number.isFinite(value) ? value : null;
}
