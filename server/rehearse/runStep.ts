/**
 * Runs one step through the terminal hub, as the browser's Run does, and waits for its end: answers
 * prompts from the given answers, interrupts it past its time, and says why it failed.
 */
import type { Step } from '../../src/remark';
import type { StepMessage } from '../../src/protocol/messages';
import { HubError, type TerminalHub } from '../hub';
import type { Answers } from './answers';
import type { RehearsalClient } from './rehearsalClient';
import type { StepFailure } from './results';

export interface StepLimits {
  /** A step (or a background step's start) that takes longer is interrupted. */
  timeoutMs: number;
  /** A step waiting for input with no answer left fails after this long. */
  inputTimeoutMs: number;
  /** A background step without `expect` counts as started once it has run this long. */
  backgroundSettleMs: number;
}

export interface StepRun {
  /** The terminal the output came from (a background step runs in a terminal of its own). */
  terminal: string;
  /** What the terminal printed from the step's start to its end (the prompt after it excluded). */
  raw: string;
  state: 'passed' | 'failed' | 'interrupted' | 'started';
  exitCode?: number;
  durationMs: number;
  /** For a failed multi-line step: the 1-based line that failed. */
  line?: number;
  /** Set when the rehearsal, not the step, ended it. */
  failure?: StepFailure;
}

export interface StepContext {
  hub: TerminalHub;
  client: RehearsalClient;
  answers: Answers;
  limits: StepLimits;
  /** Aborts the step (the rehearsal was stopped). */
  signal: AbortSignal;
  /** The step waits for input and an answer was typed (or none is left). */
  onWaiting?: (answered: boolean) => void;
}

const STOP_WAIT_MS = 10_000;

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10}s`;
}

export function runStep(step: Step, command: string, context: StepContext): Promise<StepRun> {
  const { hub, client, answers, limits, signal } = context;
  const started = Date.now();
  client.attach(step.terminal);
  let terminal = step.terminal;
  let from = client.position(terminal);

  return new Promise<StepRun>((resolve) => {
    let settled = false;
    let unanswered: NodeJS.Timeout | undefined;
    let stopping: StepFailure | undefined;
    const timers: NodeJS.Timeout[] = [];
    const finish = (run: Omit<StepRun, 'terminal' | 'raw'>) => {
      if (settled) return;
      settled = true;
      // Taken now: the next prompt arrives right after the end mark and is not the step's output.
      const raw = client.outputSince(terminal, from);
      stopListening();
      for (const timer of timers) clearTimeout(timer);
      clearTimeout(unanswered);
      signal.removeEventListener('abort', onAbort);
      resolve({ terminal, raw, ...run });
    };
    const stop = (failure: StepFailure) => {
      if (stopping || settled) return;
      stopping = failure;
      try {
        hub.interrupt(client, step.terminal, step.background ? step.id : undefined);
      } catch (error) {
        if (!(error instanceof HubError)) throw error;
      }
      // If even KILL does not end it, say so and go on: dispose() ends the terminal at the end.
      timers.push(
        setTimeout(
          () => finish({ state: 'interrupted', durationMs: Date.now() - started, failure }),
          STOP_WAIT_MS,
        ),
      );
    };
    const onAbort = () =>
      stop({ code: 'interrupted', message: `Step ${step.id} was interrupted: the rehearsal was stopped.` });

    const onStep = (message: StepMessage) => {
      if (message.state === 'waiting-input') {
        const answer = answers.take(step.id);
        if (answer !== undefined) {
          hub.input(client, message.terminal, `${answer}\r`);
          context.onWaiting?.(true);
          return;
        }
        context.onWaiting?.(false);
        unanswered = setTimeout(
          () =>
            stop({
              code: 'unanswered',
              message:
                `Step ${step.id} waited ${seconds(limits.inputTimeoutMs)} for input that nobody gave: pass ` +
                `--answer ${step.id}=<text> (or --answer-env / --answers), then run again.`,
            }),
          limits.inputTimeoutMs,
        );
        return;
      }
      clearTimeout(unanswered);
      if (message.state === 'running') return;
      finish({
        state: stopping ? 'interrupted' : message.state,
        ...(message.exitCode === undefined ? {} : { exitCode: message.exitCode }),
        ...(message.line === undefined ? {} : { line: message.line }),
        durationMs: message.durationMs ?? Date.now() - started,
        ...(stopping ? { failure: stopping } : {}),
      });
    };
    const stopListening = client.listen((message) => {
      if (message.type === 'step' && message.stepId === step.id) onStep(message);
      else if (message.type === 'output' && step.background && step.expect && message.terminal === terminal) {
        if (new RegExp(step.expect, 'm').test(client.outputSince(terminal, from))) {
          finish({ state: 'started', durationMs: Date.now() - started });
        }
      }
    });

    timers.push(
      setTimeout(
        () =>
          stop({
            code: 'timeout',
            message:
              `Step ${step.id} did not finish within ${seconds(limits.timeoutMs)} and was interrupted. If it ` +
              'runs until stopped, mark it `background` in the page; if it is only slow, raise --timeout.',
          }),
        limits.timeoutMs,
      ),
    );
    signal.addEventListener('abort', onAbort);
    if (signal.aborted) return onAbort();

    try {
      hub.run(client, {
        terminal: step.terminal,
        stepId: step.id,
        command,
        ...(step.background ? { background: true } : {}),
      });
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      return finish({
        state: 'failed',
        durationMs: Date.now() - started,
        failure: { code: 'refused', message: `Step ${step.id} could not start: ${error.message}` },
      });
    }
    if (step.background) {
      // The hub runs it in a terminal of its own, whose parent is the step's: watch it from its first byte.
      const own = hub.list().find((t) => t.stepId === step.id && t.parent === step.terminal);
      if (own) {
        terminal = own.name;
        from = 0;
        client.attach(terminal);
      }
      if (!step.expect) {
        timers.push(
          setTimeout(
            () => finish({ state: 'started', durationMs: Date.now() - started }),
            limits.backgroundSettleMs,
          ),
        );
      }
    }
  });
}

/** Stops a background step at the end of the rehearsal; resolves once it has ended. */
export function stopBackgroundStep(step: Step, context: Pick<StepContext, 'hub' | 'client'>): Promise<void> {
  const { hub, client } = context;
  // Ended by itself already: its terminal is gone, and no news will come.
  if (!hub.list().some((t) => t.stepId === step.id)) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, STOP_WAIT_MS);
    const stopListening = client.listen((message) => {
      if (message.type === 'step' && message.stepId === step.id && message.state !== 'running') done();
    });
    function done() {
      clearTimeout(timer);
      stopListening();
      resolve();
    }
    try {
      hub.interrupt(client, step.terminal, step.id);
    } catch (error) {
      if (!(error instanceof HubError)) throw error;
      done();
    }
  });
}
