/**
 * A rehearsal: the planned steps, in order, through the same engine as the browser (a TerminalHub
 * and a client of it), each judged by its exit status, its `expect` and its recorded output.
 * Whatever happens, every shell is ended before this resolves.
 */
import type { Step } from '../../src/remark';
import type { TerminalHub } from '../hub';
import type { Answers } from './answers';
import { RehearsalClient } from './rehearsalClient';
import type { RehearsalReport, StepFailure, StepResult } from './results';
import { runStep, stopBackgroundStep, type StepLimits, type StepRun } from './runStep';
import { meetsExpectation, missingCommand, outputDrift, presentable, stepOutputText } from './stepOutput';

export interface RehearsalOptions {
  steps: readonly Step[];
  answers: Answers;
  limits: StepLimits;
  bail: boolean;
  strictOutput: boolean;
  signal: AbortSignal;
  progress?: RehearsalProgress;
}

export interface RehearsalProgress {
  stepStarted(step: Step, index: number, total: number): void;
  stepWaiting(step: Step, answered: boolean): void;
  stepFinished(result: StepResult, index: number, total: number): void;
}

export async function rehearse(hub: TerminalHub, options: RehearsalOptions): Promise<RehearsalReport> {
  const client = new RehearsalClient(hub);
  const started = Date.now();
  const results: StepResult[] = [];
  const background: Step[] = [];
  const { steps, progress } = options;
  let stopRunning: string | undefined;
  try {
    for (const [index, step] of steps.entries()) {
      if (options.signal.aborted) stopRunning ??= 'the rehearsal was stopped';
      if (stopRunning) {
        results.push(notRun(step, `not run: ${stopRunning}`));
        continue;
      }
      if (step.norun) {
        const result: StepResult = {
          step,
          status: 'skipped',
          durationMs: 0,
          output: '',
          note: 'norun: shown, never run',
        };
        results.push(result);
        progress?.stepFinished(result, index, steps.length);
        continue;
      }
      progress?.stepStarted(step, index, steps.length);
      const run = await runStep(step, step.command, {
        hub,
        client,
        answers: options.answers,
        limits: options.limits,
        signal: options.signal,
        onWaiting: (answered) => progress?.stepWaiting(step, answered),
      });
      if (step.background && run.state === 'started') background.push(step);
      const result = judge(step, run, options);
      results.push(result);
      progress?.stepFinished(result, index, steps.length);
      if (result.status === 'failed' && options.bail) stopRunning = `--bail after ${step.id} failed`;
    }
    for (const step of background) await stopBackgroundStep(step, { hub, client });
  } finally {
    client.close();
    await hub.dispose();
  }
  return { results, durationMs: Date.now() - started, aborted: options.signal.aborted };
}

function notRun(step: Step, note: string): StepResult {
  return { step, status: 'not-run', durationMs: 0, output: '', note };
}

function judge(step: Step, run: StepRun, options: RehearsalOptions): StepResult {
  const output = stepOutputText(run.raw, step.command);
  const shown = presentable(output, (text) => options.answers.scrub(text));
  const base = {
    step,
    durationMs: run.durationMs,
    output: shown,
    ...(run.exitCode === undefined ? {} : { exitCode: run.exitCode }),
  };
  const failure = run.failure ?? failureOf(step, run, output);
  const drift = failure ? undefined : outputDrift(step, output);
  const driftFailure: StepFailure | undefined =
    drift && options.strictOutput
      ? {
          code: 'drift',
          message: `Step ${step.id} printed something else than its recorded output (--strict-output): update the page or the step.`,
        }
      : undefined;
  const final = failure ?? driftFailure;
  return {
    ...base,
    status: final ? 'failed' : 'passed',
    ...(final ? { failure: final } : {}),
    ...(drift ? { drift: { diff: presentable(drift.diff, (text) => options.answers.scrub(text)) } } : {}),
    ...(step.background && run.state === 'started'
      ? { note: 'started in the background; stopped at the end' }
      : {}),
  };
}

function failureOf(step: Step, run: StepRun, output: string): StepFailure | undefined {
  if (run.state === 'interrupted') {
    return { code: 'interrupted', message: `Step ${step.id} was interrupted before it finished.` };
  }
  if (run.state === 'failed') {
    const missing = run.exitCode === 127 ? missingCommand(output) : undefined;
    if (missing) {
      return {
        code: 'not-installed',
        message: `Step ${step.id} failed: \`${missing}\` is not installed (command not found, exit 127). Install it or put it on PATH, then run again with --from ${step.id}.`,
      };
    }
    const line = run.line
      ? ` at line ${run.line} (\`${step.command.split('\n')[run.line - 1]?.trim() ?? ''}\`)`
      : '';
    return {
      code: 'exit',
      message: `Step ${step.id} failed with exit code ${run.exitCode ?? 'unknown'}${line}.`,
    };
  }
  if (!meetsExpectation(step, output)) {
    return {
      code: 'expect',
      message: `Step ${step.id} ended with exit code 0 but its output does not match expect="${step.expect}".`,
    };
  }
  return undefined;
}
