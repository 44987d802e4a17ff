import React from 'react';
import type { ConnectionState } from '../../client/connection';
import styles from './styles.module.css';

const LABELS: Record<ConnectionState, { text: string; title: string }> = {
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

export default function ConnectionIndicator({ state }: { state: ConnectionState }): React.JSX.Element {
  const label = LABELS[state];
  return (
    <span className={styles.indicator} data-connection={state} title={label.title} role="status">
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.indicatorLabel}>Terminal server: {label.text}</span>
    </span>
  );
}
