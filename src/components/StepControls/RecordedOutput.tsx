import React, { useMemo, type ReactNode } from 'react';
import { compareOutput, normalizeOutput } from '../../remark/outputComparison';
import type { Runtime } from '../../client/runtime';
import type { Step } from '../../remark/stepModel';
import styles from './styles.module.css';

interface Props {
  step: Step;
  runtime: Runtime | null;
  /** What the latest run printed, if the step ran in this page's lifetime. */
  actual: string | undefined;
  finished: boolean;
  /** The recorded outputs as the theme renders them (collapsed code blocks). */
  children: ReactNode;
}

let replaySerial = 0;

/** The author's recorded output, collapsed; a replay into a read-only terminal; actual vs recorded. */
export default function RecordedOutput({
  step,
  runtime,
  actual,
  finished,
  children,
}: Props): React.JSX.Element | null {
  const recorded = step.recordedOutputs;
  const expected = recorded.map((output) => output.text).join('\n');
  const comparison = useMemo(
    () =>
      finished && actual !== undefined && expected
        ? compareOutput(expected, actual, { mode: 'subsequence' })
        : null,
    [finished, actual, expected],
  );
  if (recorded.length === 0) return null;
  const replay = () => {
    replaySerial += 1;
    runtime?.dock.open({
      kind: 'replay',
      name: 'recorded',
      title: step.title ?? step.id,
      text: expected,
      serial: replaySerial,
    });
  };
  return (
    <div className={styles.recorded}>
      {children}
      {runtime ? (
        <button type="button" className={styles.replay} onClick={replay}>
          Replay recorded output in a terminal
        </button>
      ) : null}
      {comparison && actual !== undefined ? (
        <details className={styles.comparison} data-output-matches={comparison.matches}>
          <summary>
            Actual vs recorded:{' '}
            {comparison.matches
              ? 'same (ages, pod names, IPs and hashes not counted)'
              : `differs at recorded line ${comparison.mismatch?.line ?? '?'}`}
          </summary>
          <div className={styles.sideBySide}>
            <figure>
              <figcaption>This run</figcaption>
              <pre>{normalizeOutput(actual)}</pre>
            </figure>
            <figure>
              <figcaption>Recorded</figcaption>
              <pre>{normalizeOutput(expected)}</pre>
            </figure>
          </div>
        </details>
      ) : null}
    </div>
  );
}
