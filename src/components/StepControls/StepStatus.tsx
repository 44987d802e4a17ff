import React from 'react';
import type { StepRecord } from '../../client/stepStates';
import { formatDuration } from '../../client/stepFacts';
import styles from './styles.module.css';

/** The step's state in words (and a symbol that is never the only signal). */
export function describeState(record: StepRecord): string {
  switch (record.state) {
    case 'idle':
      return 'not run yet';
    case 'running':
      return 'running…';
    case 'waiting-input':
      return 'waiting for input';
    case 'passed':
      return record.durationMs === undefined
        ? '✓ passed'
        : `✓ passed in ${formatDuration(record.durationMs)}`;
    case 'failed': {
      const code = record.exitCode === undefined ? '' : ` with exit code ${record.exitCode}`;
      const line = record.line === undefined ? '' : ` at line ${record.line}`;
      return `✗ failed${code}${line}`;
    }
    case 'interrupted':
      return 'interrupted';
  }
}

export default function StepStatus({ record }: { record: StepRecord }): React.JSX.Element {
  return (
    <span className={styles.status} data-state={record.state}>
      {describeState(record)}
    </span>
  );
}
