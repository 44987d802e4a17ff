import React from 'react';
import type { ConnectionState } from '../../client/connection';
import type { WorkspaceMessage } from '../../protocol/messages';
import styles from './styles.module.css';

type Label = { text: string; title: string };

const LABELS: Record<Exclude<ConnectionState, 'starting' | 'unavailable'>, Label> = {
  connected: { text: 'connected', title: 'The terminal server is connected.' },
  connecting: { text: 'connecting…', title: 'Connecting to the terminal server.' },
  reconnecting: {
    text: 'reconnecting…',
    title: 'The connection dropped; trying again with a growing delay.',
  },
  'no-server': {
    text: 'no server',
    title: 'No terminal server answers. Start the live version with `npm install && npm start`.',
  },
  refused: {
    text: 'refused',
    title:
      'The terminal server refused this page: its token is from an earlier start. Open the URL that `npm start` printed.',
  },
};

/** A hosted workshop's workspace, while the router waits for it or after it failed to start. */
function workspaceLabel(state: 'starting' | 'unavailable', workspace: WorkspaceMessage | null): Label {
  if (state === 'unavailable')
    return { text: 'Your workspace could not start', title: workspace?.message ?? '' };
  const seconds = Math.floor((workspace?.elapsedMs ?? 0) / 1000);
  return {
    text: `Starting your workspace… ${seconds} s`,
    title: workspace?.message ?? '',
  };
}

export default function ConnectionIndicator({
  state,
  workspace,
}: {
  state: ConnectionState;
  workspace: WorkspaceMessage | null;
}): React.JSX.Element {
  const label =
    state === 'starting' || state === 'unavailable'
      ? workspaceLabel(state, workspace)
      : { ...LABELS[state], text: `Terminal server: ${LABELS[state].text}` };
  return (
    <span className={styles.indicator} data-connection={state} title={label.title} role="status">
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.indicatorLabel}>{label.text}</span>
    </span>
  );
}
