/**
 * A runnable step on the page: its toolbar (title, terminal, cluster, Run, Copy, Stop, Run all to
 * here, state), one line of notice, the code block itself, and its recorded output. Renders fully
 * in the static build; live behaviour arrives with the runtime after hydration.
 */
import { plainOutput } from '../../client/plainOutput';
import React, { useState, type ReactNode } from 'react';
import { copyText } from '../../client/clipboard';
import { preloadTerminal } from '../../client/loadTerminal';
import { clustersOf } from '../../client/stepFacts';
import { isActive, isFinal } from '../../client/stepStates';
import type { Step } from '../../remark/stepModel';
import RecordedOutput from './RecordedOutput';
import StepNoticeLine from './StepNoticeLine';
import StepStatus, { describeState } from './StepStatus';
import { useStepActions } from './useStepActions';
import styles from './styles.module.css';

interface Props {
  step: Step;
  /** The command's code block. */
  children: ReactNode;
  /** The recorded outputs as the theme renders them. */
  recordedOutputs: ReactNode;
}

export default function StepControls({ step, children, recordedOutputs }: Props): React.JSX.Element {
  const actions = useStepActions(step);
  const { record, availability, runAll } = actions;
  const active = isActive(record.state);
  const live = availability === 'connected';
  const runnable =
    !step.norun &&
    live &&
    actions.unset.length === 0 &&
    actions.runtime?.connection.grantedAccess !== 'watch';
  const clusters = clustersOf(step.command);
  const title = step.title ?? `Step ${step.index + 1}`;
  const hintId = `rw-step-hint-${step.id}`;
  const [nudged, setNudged] = useState(false);
  const announcement = useAnnouncement(
    title,
    record.state === 'idle' ? '' : describeState(record),
    actions.runtime !== null,
  );
  const progress =
    runAll && runAll.stepIds.includes(step.id) && runAll.targetStepId === step.id ? runAll : null;

  const onRun = () => {
    if (runnable) actions.run();
    else setNudged(true);
  };
  const onCopy = async () => {
    const result = await copyText(actions.command);
    if (result.ok) actions.copied();
  };

  return (
    <div
      className={styles.step}
      data-step-id={step.id}
      data-step-state={record.state}
      data-exit-code={record.exitCode ?? ''}
      data-terminal={step.terminal}
    >
      <div className={styles.toolbar} role="toolbar" aria-label={`Step: ${title}`}>
        {/* What the step is and how it went, apart from the buttons: the state's words change
            their width, and the buttons must stay where the pointer clicked them (styles.module.css). */}
        <span className={styles.facts}>
          <span className={styles.title} data-step-title>
            {title}
          </span>
          <span className={styles.badge} title="The terminal this step runs in">
            {step.terminal}
          </span>
          {clusters.map((cluster) => (
            <span
              key={cluster.context}
              className={styles.cluster}
              data-cluster={cluster.context}
              title="The cluster this step targets"
            >
              {cluster.label}
            </span>
          ))}
          {step.background ? <span className={styles.badge}>runs in the background</span> : null}
          {step.norun ? <span className={styles.badge}>not run</span> : null}
          <StepStatus record={record} />
          {isFinal(record.state) && actions.output !== undefined ? (
            <button
              type="button"
              title="Copy what this step printed, as plain text"
              onClick={() => void copyText(plainOutput(actions.output ?? ''))}
            >
              Copy output
            </button>
          ) : null}
          {actions.notice?.kind === 'copied' ? (
            <span className={styles.copied} aria-hidden="true">
              copied ✓
            </span>
          ) : null}
        </span>
        <span className={styles.actions}>
          {step.norun ? null : (
            <button
              type="button"
              className={styles.run}
              onClick={onRun}
              onPointerEnter={runnable ? preloadTerminal : undefined}
              onFocus={runnable ? preloadTerminal : undefined}
              aria-disabled={!runnable || active}
              aria-describedby={runnable ? undefined : hintId}
              disabled={active}
            >
              Run
            </button>
          )}
          <button type="button" onClick={() => void onCopy()}>
            Copy
          </button>
          {step.norun ? null : (
            <button type="button" onClick={actions.stop} disabled={!active}>
              Stop
            </button>
          )}
          {step.norun || actions.pageSteps.length < 2 || step.index === 0 ? null : (
            <button
              type="button"
              onClick={actions.runAllToHere}
              disabled={!runnable || active || runAll?.current !== undefined}
            >
              Run all to here
            </button>
          )}
        </span>
      </div>
      {progress ? (
        <div className={styles.progress}>
          <progress max={progress.stepIds.length} value={progress.done} aria-label="Run all to here" />
          <span>
            {progress.stoppedAt
              ? `stopped at step ${progress.done + 1} of ${progress.stepIds.length}`
              : progress.current
                ? `step ${progress.done + 1} of ${progress.stepIds.length}`
                : `all ${progress.stepIds.length} steps passed`}
          </span>
        </div>
      ) : null}
      <div id={hintId} className={nudged ? styles.nudged : undefined}>
        <StepNoticeLine
          step={step}
          record={record}
          availability={availability}
          workspaceFailure={actions.workspaceFailure}
          unset={actions.unset}
          access={actions.runtime?.connection.grantedAccess ?? 'write'}
          notice={actions.notice}
          answerBusy={actions.answerBusy}
          dismiss={actions.dismiss}
        />
      </div>
      {children}
      <RecordedOutput
        step={step}
        runtime={actions.runtime}
        actual={actions.output}
        finished={isFinal(record.state)}
      >
        {recordedOutputs}
      </RecordedOutput>
      <div className={styles.srOnly} aria-live="polite" role="status">
        {actions.notice?.kind === 'copied' ? `Copied ${title}.` : announcement}
      </div>
    </div>
  );
}

/**
 * The live region's text: only changes seen while the page is live are announced, not the states
 * restored from an earlier visit (which would make every finished step speak at once). Derived
 * while rendering (React's "state from the previous render"), not in an effect: an effect's
 * setState costs a second render and commit after every state change of a Run.
 */
function useAnnouncement(title: string, state: string, ready: boolean): string {
  const [seen, setSeen] = useState<{ baseline: string | null; text: string }>({ baseline: null, text: '' });
  if (ready && seen.baseline !== state) {
    const text = seen.baseline !== null && state ? `${title}: ${state}` : seen.text;
    setSeen({ baseline: state, text });
  }
  return seen.text;
}
