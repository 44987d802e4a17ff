/**
 * In a hosted workshop, how long the attendee's session has left: in the dock's bar, beside the
 * terminal's connection, on every page, so nobody is surprised when their terminal goes away (a
 * badge fixed over the page covered its table of contents, and on a phone its Present button).
 * Renders nothing outside a workshop.
 */
import React, { useEffect, useState } from 'react';
import { workshopSessionEnd } from '../../client/launch';
import FollowPresenter from './FollowPresenter';
import styles from './styles.module.css';

/** The time left, or null once the session is over. */
export function formatRemaining(ms: number): string | null {
  if (ms <= 0) return null;
  const minutes = Math.ceil(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return hours > 0 ? `${hours} h ${String(rest).padStart(2, '0')} min` : `${rest} min`;
}

export default function SessionTimer(): React.JSX.Element | null {
  const [endsAt] = useState(() => workshopSessionEnd(document.cookie));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endsAt === undefined) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 15_000);
    return () => window.clearInterval(timer);
  }, [endsAt]);
  if (endsAt === undefined) return null;
  const remaining = endsAt - now;
  const left = formatRemaining(remaining);
  return (
    <>
      <FollowPresenter />
      <span
        className={styles.timer}
        role="timer"
        aria-live="off"
        data-urgent={remaining < 10 * 60_000 ? 'true' : undefined}
      >
        {left === null ? (
          'Session ended: reload the page to see what to do'
        ) : (
          <>
            {/* Read on every screen, shown where the bar has room. */}
            <span className={styles.wide}>Session ends in </span>
            {left}
          </>
        )}
      </span>
    </>
  );
}
