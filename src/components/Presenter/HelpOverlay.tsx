import React from 'react';
import { DECK_KEYS } from './deckKeys';
import styles from './styles.module.css';

export default function HelpOverlay({ onClose }: { onClose: () => void }): React.JSX.Element {
  return (
    <div
      className={styles.help}
      role="dialog"
      aria-modal="true"
      aria-label="Keyboard shortcuts"
      onClick={onClose}
    >
      <div className={styles.helpBox} onClick={(event) => event.stopPropagation()}>
        <h2>Keys</h2>
        <table>
          <tbody>
            {DECK_KEYS.map((entry) => (
              <tr key={entry.action}>
                <td>
                  {entry.keys.map((key) => (
                    <kbd key={key}>{key}</kbd>
                  ))}
                </td>
                <td>{entry.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>Keys typed while the terminal has the focus go to the shell: click the slide to come back.</p>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
