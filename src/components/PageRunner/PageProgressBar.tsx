/** How far the reader got on this page, and the control that forgets it. */
import React from 'react';
import { useRuntime, useStoreValue } from '../../client/hooks';
import { pageProgress } from '../../client/progress';
import type { StepRecords } from '../../client/stepStates';
import type { StepSummary } from '../../remark/stepModel';
import styles from './styles.module.css';

const NO_RECORDS: StepRecords = {};

export default function PageProgressBar({
  steps,
}: {
  steps: readonly StepSummary[];
}): React.JSX.Element | null {
  const runtime = useRuntime();
  const records = useStoreValue<StepRecords, StepRecords>(runtime?.steps, NO_RECORDS);
  const progress = pageProgress(steps, records);
  if (progress.total === 0) return null;
  const touched = steps.some((step) => (records[step.id]?.state ?? 'idle') !== 'idle');
  return (
    <div className={styles.progress} data-page-progress={`${progress.passed}/${progress.total}`}>
      <progress max={progress.total} value={progress.passed} aria-label="Steps passed on this page" />
      <span>
        {progress.finished
          ? `✓ all ${progress.total} steps passed`
          : `${progress.passed} of ${progress.total} steps passed${progress.failed ? `, ${progress.failed} failed` : ''}`}
      </span>
      {runtime && touched ? (
        <button
          type="button"
          onClick={() => {
            if (window.confirm('Forget the results of every step on this page, in this browser?')) {
              runtime.steps.reset(steps.map((step) => step.id));
            }
          }}
        >
          Reset progress
        </button>
      ) : null}
    </div>
  );
}
