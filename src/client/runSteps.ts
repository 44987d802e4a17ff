/**
 * Running steps from the page: one step, or every step up to one ("run all to here"). A step runs
 * only in a terminal that is free; the caller decides what to do when it is not (see `busyWith`).
 */
import type { StepMessage } from '../protocol/messages';
import type { StepSummary } from '../remark/stepModel';
import type { Runtime, RunnerError } from './runtime';
import { isActive } from './stepStates';
import { substituteVariables, unsetVariables } from './variables';

export type RunResult = { ok: true; end: StepMessage | null } | { ok: false; error: RunnerError };

/** The command as it will be run and copied: the reader's variable values in place. */
export function commandFor(runtime: Runtime | null, step: StepSummary): string {
  return runtime ? substituteVariables(step.command, step.variables, runtime.variables.get()) : step.command;
}

/** The step (id) holding `terminal`, if it is not `step` itself. */
export function busyWith(runtime: Runtime, terminal: string, except?: string): string | undefined {
  const holder = runtime.busy.get()[terminal];
  return holder && holder !== except ? holder : undefined;
}

/**
 * Starts a step and resolves when it ends (a background step: once it is running). Never
 * interleaves: a busy terminal gives a `busy` error without sending anything.
 */
export async function runStep(runtime: Runtime, step: StepSummary): Promise<RunResult> {
  const unset = unsetVariables(step.variables, runtime.variables.get());
  if (unset.length > 0) {
    return fail('bad-message', `Set ${unset.join(', ')} in the variables form first.`);
  }
  if (busyWith(runtime, step.terminal, step.id)) {
    return fail('busy', `Terminal "${step.terminal}" is busy with another step.`);
  }
  // The run goes out within the click, right behind the attach of a terminal not yet open: the
  // server takes messages in order and starts the step at the new shell's first prompt, so neither
  // waits for the other's answer (a round trip behind the click's render, 55-75 ms of a first Run),
  // nor for the re-render that opening the dock schedules.
  const warm = runtime.connection.isAttaching(step.terminal);
  const opening = warm ? null : runtime.openTerminal(step.terminal, !step.background);
  const started = runtime.waitFor(
    (message) =>
      (message.type === 'step' && message.stepId === step.id) ||
      (message.type === 'error' && message.stepId === step.id),
    30_000,
  );
  const ended = step.background ? null : runtime.waitForStepEnd(step.id);
  if (!runtime.connection.run(step.terminal, step.id, commandFor(runtime, step), step.background)) {
    return fail('offline', 'The terminal server is not connected.');
  }
  if (warm) void runtime.openTerminal(step.terminal, !step.background);
  runtime.outputs.started(step.id);
  runtime.steps.put(step.id, { state: 'running', terminal: step.terminal });
  // A terminal that could not open (too many, watch-only) says why; the run's own refusal would only
  // say that there is no such terminal.
  const openError = opening && (await opening);
  if (openError) {
    runtime.steps.put(step.id, { state: 'idle' });
    return { ok: false, error: openError };
  }
  const first = await started;
  if (first?.type === 'error') {
    runtime.steps.put(step.id, { state: 'idle' });
    return fail(first.code, first.message);
  }
  if (!first) {
    runtime.steps.put(step.id, { state: 'idle' });
    return fail('timeout', 'The terminal server did not start the step within 30 s.');
  }
  if (!ended) return { ok: true, end: null };
  return { ok: true, end: await ended };
}

/** Ctrl-C for the step: its terminal's foreground job, or the background job by its id. */
export function stopStep(runtime: Runtime, step: StepSummary): boolean {
  return runtime.connection.interrupt(step.terminal, step.background ? step.id : undefined);
}

/** Interrupts whatever holds the terminal and waits until it has ended (at most 10 s). */
export async function interruptAndWait(runtime: Runtime, terminal: string): Promise<boolean> {
  const holder = runtime.busy.get()[terminal];
  if (!holder) return true;
  const ended = runtime.waitForStepEnd(holder, 10_000);
  runtime.connection.interrupt(terminal);
  return (await ended) !== null;
}

/** Waits until the terminal is free (the step holding it ends), or until `timeoutMs`. */
export async function waitUntilFree(
  runtime: Runtime,
  terminal: string,
  timeoutMs = 60 * 60 * 1000,
): Promise<boolean> {
  const holder = runtime.busy.get()[terminal];
  if (!holder || !isActive(runtime.steps.record(holder).state)) return true;
  return (await runtime.waitForStepEnd(holder, timeoutMs)) !== null;
}

/** Runs `steps` in order, stopping at the first that does not pass; progress in `runtime.runAll`. */
export async function runAllTo(
  runtime: Runtime,
  steps: readonly StepSummary[],
  target: StepSummary,
): Promise<RunResult> {
  const upTo = steps
    .slice(0, steps.findIndex((step) => step.id === target.id) + 1)
    .filter((step) => !step.norun);
  runtime.runAll.set({ targetStepId: target.id, stepIds: upTo.map((step) => step.id), done: 0 });
  let last: RunResult = { ok: true, end: null };
  for (const [index, step] of upTo.entries()) {
    runtime.runAll.update((progress) => progress && { ...progress, current: step.id, done: index });
    if (!(await waitUntilFree(runtime, step.terminal))) {
      last = fail('busy', `Terminal "${step.terminal}" stayed busy.`);
    } else {
      last = await runStep(runtime, step);
    }
    const passed = last.ok && (last.end === null || last.end.state === 'passed');
    if (!passed) {
      runtime.runAll.update(
        (progress) => progress && { ...progress, done: index, stoppedAt: step.id, current: undefined },
      );
      return last;
    }
  }
  runtime.runAll.update((progress) => progress && { ...progress, done: upTo.length, current: undefined });
  return last;
}

function fail(code: RunnerError['code'], message: string): RunResult {
  return { ok: false, error: { code, message } };
}
