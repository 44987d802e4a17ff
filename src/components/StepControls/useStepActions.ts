/**
 * The live state of one step and the actions its toolbar offers (run, run all to here, stop, ...),
 * for the step's frame to render. (The server's StepRunner is what runs a step in a shell.)
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConnectionState } from '../../client/connection';
import { useRuntime, useStoreSlice, useStoreValue } from '../../client/hooks';
import {
  busyWith,
  commandFor,
  interruptAndWait,
  runAllTo,
  runStep,
  stopStep,
  waitUntilFree,
} from '../../client/runSteps';
import type { RunAllProgress, Runtime } from '../../client/runtime';
import { isActive, isFinal, type StepRecord, type StepRecords } from '../../client/stepStates';
import { unsetVariables, type VariableValues } from '../../client/variables';
import type { Step, StepSummary } from '../../remark/stepModel';
import { focusTerminal } from '../TerminalDock/terminalViews';
import { usePageSteps } from './usePageSteps';

/** A question or a piece of news shown under the toolbar. */
export type StepNotice =
  | { kind: 'busy'; holder: string; then: 'run' | 'run-all' }
  | { kind: 'error'; message: string }
  | { kind: 'copied' };

/** `static`: no runtime yet (the server-rendered page, before hydration). */
export type RunnerAvailability = ConnectionState | 'static';

export interface StepActions {
  runtime: Runtime | null;
  record: StepRecord;
  availability: RunnerAvailability;
  /** In a hosted workshop: why the attendee's workspace could not start, once it failed. */
  workspaceFailure: string | undefined;
  command: string;
  unset: string[];
  notice: StepNotice | null;
  runAll: RunAllProgress | null;
  output: string | undefined;
  pageSteps: readonly StepSummary[];
  run(): void;
  runAllToHere(): void;
  stop(): void;
  copied(): void;
  answerBusy(choice: 'wait' | 'interrupt' | 'cancel'): void;
  dismiss(): void;
}

const IDLE: StepRecord = { state: 'idle' };
const NO_VALUES: VariableValues = {};

export function useStepActions(step: Step): StepActions {
  const runtime = useRuntime();
  const record = useStoreSlice<StepRecords, StepRecord, StepRecord>(
    runtime?.steps,
    (records) => records[step.id],
    IDLE,
  );
  const availability = useStoreValue<ConnectionState, RunnerAvailability>(runtime?.connectionState, 'static');
  const workspace = useStoreValue(runtime?.workspace, null);
  const values = useStoreValue<VariableValues, VariableValues>(runtime?.variables, NO_VALUES);
  const runAll = useStoreValue(runtime?.runAll, null);
  // Read once the step has ended (Copy output, actual vs recorded): a running step is not re-rendered
  // for every output frame, which queued xterm's parse of that frame behind a React render.
  const finished = isFinal(record.state);
  const output = useStoreSlice<Readonly<Record<string, string>>, string, undefined>(
    runtime?.outputs,
    (outputs) => (finished ? outputs[step.id] : undefined),
    undefined,
  );
  const pageSteps = usePageSteps(step.pageId);
  const [notice, setNotice] = useState<StepNotice | null>(null);
  const unset = unsetVariables(step.variables, values);
  const command = commandFor(runtime, step);

  const report = useCallback((result: Awaited<ReturnType<typeof runStep>>) => {
    if (!result.ok) setNotice({ kind: 'error', message: result.error.message });
  }, []);

  const start = useCallback(
    async (what: 'run' | 'run-all') => {
      if (!runtime) return;
      setNotice(null);
      if (what === 'run-all') return report(await runAllTo(runtime, pageSteps, step));
      const holder = busyWith(runtime, step.terminal, step.id);
      if (holder) return setNotice({ kind: 'busy', holder, then: what });
      report(await runStep(runtime, step));
    },
    [runtime, step, pageSteps, report],
  );

  const answerBusy = useCallback(
    async (choice: 'wait' | 'interrupt' | 'cancel') => {
      if (!runtime || notice?.kind !== 'busy') return;
      setNotice(null);
      if (choice === 'cancel') return;
      const free =
        choice === 'wait'
          ? await waitUntilFree(runtime, step.terminal)
          : await interruptAndWait(runtime, step.terminal);
      if (!free) return setNotice({ kind: 'error', message: `Terminal "${step.terminal}" is still busy.` });
      report(await runStep(runtime, step));
    },
    [runtime, notice, step, report],
  );

  // A prompt in the step (a password, a confirmation): the reader types in the terminal.
  const waiting = record.state === 'waiting-input';
  useEffect(() => {
    if (waiting) focusTerminal(record.terminal ?? step.terminal);
  }, [waiting, record.terminal, step.terminal]);

  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(copiedTimer.current), []);

  return {
    runtime,
    record,
    availability,
    workspaceFailure: workspace?.state === 'failed' ? workspace.message : undefined,
    command,
    unset,
    notice,
    runAll,
    output,
    pageSteps,
    run: () => void start('run'),
    runAllToHere: () => void start('run-all'),
    stop: () => {
      if (runtime && isActive(record.state)) stopStep(runtime, step);
    },
    copied: () => {
      setNotice({ kind: 'copied' });
      clearTimeout(copiedTimer.current);
      copiedTimer.current = setTimeout(
        () => setNotice((current) => (current?.kind === 'copied' ? null : current)),
        2500,
      );
    },
    answerBusy: (choice) => void answerBusy(choice),
    dismiss: () => setNotice(null),
  };
}
