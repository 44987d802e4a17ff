/** What a rehearsal found, step by step: the one shape every reporter (console, JUnit, TAP) reads. */
import type { Step } from '../../src/remark';

export type StepStatus = 'passed' | 'failed' | 'skipped' | 'not-run';

export type FailureCode =
  | 'exit' // the step's command ended with a non-zero status
  | 'not-installed' // exit 127: a command is missing from PATH
  | 'expect' // the output did not match the step's `expect`
  | 'timeout' // the step ran past --timeout and was interrupted
  | 'unanswered' // the step waited for input that no answer covered
  | 'interrupted' // the step was stopped (by the shell or the rehearsal being stopped)
  | 'refused' // the terminal server refused to run it (busy, too many terminals)
  | 'drift'; // with --strict-output: the output differs from the recorded one

export interface StepFailure {
  code: FailureCode;
  /** A sentence naming the step and what to do. */
  message: string;
}

export interface OutputDrift {
  /** `-` recorded, `+` actual, ` ` both; normalized lines. */
  diff: string;
}

export interface StepResult {
  step: Step;
  status: StepStatus;
  exitCode?: number;
  durationMs: number;
  failure?: StepFailure;
  /** What the step printed (commands' echo removed, answers and secrets blanked). */
  output: string;
  drift?: OutputDrift;
  /** Why it was skipped or not run. */
  note?: string;
}

export interface RehearsalReport {
  results: StepResult[];
  durationMs: number;
  /** Set when the rehearsal was stopped (Ctrl-C) before its end. */
  aborted: boolean;
}

export function countBy(report: RehearsalReport): Record<StepStatus, number> & { drifted: number } {
  const counts = { passed: 0, failed: 0, skipped: 0, 'not-run': 0, drifted: 0 };
  for (const result of report.results) {
    counts[result.status] += 1;
    if (result.drift) counts.drifted += 1;
  }
  return counts;
}

export function succeeded(report: RehearsalReport): boolean {
  return !report.aborted && report.results.every((r) => r.status === 'passed' || r.status === 'skipped');
}
