/**
 * The rehearsal as it happens: one line per step, a progress bar beneath on a terminal (plain lines
 * otherwise, for CI logs), then failures with their output and drift with its diff.
 */
import type { Step } from '../../../src/remark';
import type { RehearsalProgress } from '../rehearse';
import { countBy, type RehearsalReport, type StepResult } from '../results';

const BAR_WIDTH = 24;
const TAIL_LINES = 20;

export interface ConsoleOutput {
  write(text: string): void;
  isTTY: boolean;
  columns?: number;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

function mark(result: StepResult): string {
  if (result.status === 'passed') return result.drift ? 'pass~' : 'pass ';
  if (result.status === 'failed') return 'FAIL ';
  return result.status === 'skipped' ? 'skip ' : '---- ';
}

function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => `${prefix}${line}`)
    .join('\n');
}

export class ConsoleProgress implements RehearsalProgress {
  private bar = '';
  private current: { step: Step; index: number; total: number; since: number; note: string } | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly out: ConsoleOutput) {}

  stepStarted(step: Step, index: number, total: number): void {
    this.current = { step, index, total, since: Date.now(), note: '' };
    if (this.out.isTTY) {
      this.drawBar();
      this.ticker ??= setInterval(() => this.drawBar(), 500);
      this.ticker.unref();
    }
  }

  stepWaiting(step: Step, answered: boolean): void {
    const note = answered ? 'answered a prompt' : 'waits for input (no answer given)';
    if (this.current) this.current.note = note;
    if (!this.out.isTTY) this.out.write(`       ${step.id}: ${note}\n`);
  }

  stepFinished(result: StepResult, index: number, total: number): void {
    const where = `[${result.step.terminal}]`;
    const exit = result.exitCode === undefined ? '' : ` exit ${result.exitCode}`;
    const note = result.note ? `  (${result.note})` : '';
    this.line(
      `${mark(result)} ${String(index + 1).padStart(String(total).length)}/${total} ${result.step.id} ${where}${exit} ${seconds(result.durationMs)}${note}`,
    );
    if (result.failure) {
      this.line(indent(result.failure.message));
      const tail = result.output.split('\n').slice(-TAIL_LINES).join('\n');
      if (tail.trim()) this.line(indent(tail, '    | '));
    }
    this.current = undefined;
  }

  finished(report: RehearsalReport): void {
    clearInterval(this.ticker);
    this.clearBar();
    const drifted = report.results.filter((r) => r.drift);
    for (const result of drifted) {
      this.out.write(`\ndrift in ${result.step.id} (- recorded, + this run, after normalizing):\n`);
      this.out.write(`${indent(result.drift?.diff ?? '')}\n`);
    }
    const counts = countBy(report);
    const parts = [
      `${counts.passed} passed`,
      `${counts.failed} failed`,
      counts.skipped ? `${counts.skipped} skipped` : '',
      counts['not-run'] ? `${counts['not-run']} not run` : '',
      counts.drifted ? `${counts.drifted} with output drift` : '',
    ].filter(Boolean);
    const stopped = report.aborted ? ' (stopped)' : '';
    this.out.write(`\n${parts.join(', ')} in ${seconds(report.durationMs)}${stopped}\n`);
  }

  private line(text: string): void {
    this.clearBar();
    this.out.write(`${text}\n`);
    if (this.current) this.drawBar();
  }

  private drawBar(): void {
    const current = this.current;
    if (!this.out.isTTY || !current) return;
    const done = Math.round((current.index / current.total) * BAR_WIDTH);
    const elapsed = seconds(Date.now() - current.since);
    const text = `[${'#'.repeat(done)}${'-'.repeat(BAR_WIDTH - done)}] ${current.index + 1}/${current.total} ${current.step.id} ${elapsed}${current.note ? ` - ${current.note}` : ''}`;
    this.bar = text.slice(0, (this.out.columns ?? 100) - 1);
    this.out.write(`\r\x1b[2K${this.bar}`);
  }

  private clearBar(): void {
    if (this.out.isTTY && this.bar) this.out.write('\r\x1b[2K');
    this.bar = '';
  }
}
