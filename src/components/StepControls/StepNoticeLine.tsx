import React from 'react';
import Link from '@docusaurus/Link';
import type { StepRecord } from '../../client/stepStates';
import { missingProgram } from '../../client/stepFacts';
import type { Step } from '../../remark/stepModel';
import type { Access } from '../../client/connection';
import type { RunnerAvailability, StepNotice } from './useStepActions';
import styles from './styles.module.css';

interface Props {
  step: Step;
  record: StepRecord;
  availability: RunnerAvailability;
  /** In a hosted workshop: why the attendee's workspace could not start. */
  workspaceFailure?: string;
  unset: string[];
  /** The connection may only watch (an audience token). */
  /** What the server lets this page do with terminals. */
  access: Access;
  notice: StepNotice | null;
  answerBusy(choice: 'wait' | 'interrupt' | 'cancel'): void;
  dismiss(): void;
}

/** Says, in one line, why Run cannot be used, what went wrong, or what the step waits for. */
export default function StepNoticeLine(props: Props): React.JSX.Element | null {
  const { step, record, availability, unset, access, notice } = props;
  if (notice?.kind === 'busy') {
    return (
      <div className={styles.notice} role="alert">
        <span>
          Terminal <code>{step.terminal}</code> is still running another step ({notice.holder}). Run this one
          after it ends, or stop it first?
        </span>
        <button type="button" onClick={() => props.answerBusy('wait')}>
          Wait, then run
        </button>
        <button type="button" onClick={() => props.answerBusy('interrupt')}>
          Interrupt, then run
        </button>
        <button type="button" onClick={() => props.answerBusy('cancel')}>
          Cancel
        </button>
      </div>
    );
  }
  if (notice?.kind === 'error') {
    return (
      <div className={styles.notice} role="alert">
        <span>{notice.message}</span>
        <button type="button" onClick={props.dismiss} aria-label="Dismiss">
          ×
        </button>
      </div>
    );
  }
  if (record.state === 'failed' && record.exitCode === 127) {
    const program = missingProgram(step.command, record.line);
    return (
      <div className={styles.notice} data-notice="not-installed">
        {program ? (
          <span>
            <code>{program}</code> is not installed (the shell could not find it).{' '}
          </span>
        ) : (
          <span>A command in this step is not installed. </span>
        )}
        <Link to="/requirements">See the requirements</Link>.
      </div>
    );
  }
  if (record.state === 'waiting-input') {
    return (
      <div className={styles.notice} data-notice="waiting-input">
        This step is waiting for input: type it in the <code>{step.terminal}</code> terminal below.
      </div>
    );
  }
  if (step.norun) return null;
  if (availability === 'no-server' || availability === 'static') {
    return (
      <div className={styles.hint} data-notice="no-server">
        Run needs the live version of this site: <code>npm install &amp;&amp; npm start</code>, then open the
        URL it prints. Copy works here.
      </div>
    );
  }
  if (availability === 'refused') {
    return (
      <div className={styles.hint} data-notice="refused">
        The terminal server refused this page (its token is from an earlier start): open the URL that{' '}
        <code>npm start</code> printed.
      </div>
    );
  }
  if (availability === 'starting') {
    return (
      <div className={styles.hint} data-notice="workspace-starting">
        Your workspace is starting; Run works once it is ready.
      </div>
    );
  }
  if (availability === 'unavailable') {
    return (
      <div className={styles.notice} role="alert" data-notice="workspace-unavailable">
        Your workspace could not start: {props.workspaceFailure ?? 'the workshop server did not say why'}.
        Tell the instructor, then reload the page to try again.
      </div>
    );
  }
  if (availability === 'connecting' || availability === 'reconnecting') {
    return (
      <div className={styles.hint} data-notice="connecting">
        {availability === 'connecting'
          ? 'Connecting to the terminal server…'
          : 'The connection to the terminal server dropped; reconnecting…'}
      </div>
    );
  }
  if (access === 'watch') {
    return (
      <div className={styles.hint} data-notice="read-only">
        This page watches the terminals (an audience link): it cannot run steps.
      </div>
    );
  }
  if (unset.length > 0) {
    return (
      <div className={styles.hint} data-notice="unset-variables">
        Set{' '}
        {unset.map((name, i) => (
          <React.Fragment key={name}>
            {i > 0 ? ', ' : ''}
            <a href={`#rw-variable-${name}`}>
              <code>{name}</code>
            </a>
          </React.Fragment>
        ))}{' '}
        in the variables form above to run this step.
      </div>
    );
  }
  return null;
}
