/** The time of day and the time since the talk started, for the presenter's eyes only. */
import React, { useEffect, useState } from 'react';
import styles from './styles.module.css';

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(seconds / 3600);
  const rest = `${twoDigits(Math.floor((seconds % 3600) / 60))}:${twoDigits(seconds % 60)}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
}

export default function PresenterClock(): React.JSX.Element {
  const [now, setNow] = useState(() => Date.now());
  const [startedAt, setStartedAt] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const time = new Date(now);
  return (
    <div className={styles.clock}>
      <span aria-label="Time of day" data-presenter-clock="">
        {twoDigits(time.getHours())}:{twoDigits(time.getMinutes())}
      </span>
      <span aria-label="Elapsed" data-presenter-elapsed="">
        {formatElapsed(now - startedAt)}
      </span>
      <button type="button" onClick={() => setStartedAt(Date.now())} title="Restart the elapsed time">
        restart timer
      </button>
    </div>
  );
}
