/** The time of day and the time since the talk started, for the presenter's eyes only. */
import React, { useEffect, useState } from 'react';
import { formatElapsed, formatTimeOfDay } from './elapsed';
import styles from './styles.module.css';

export default function PresenterClock(): React.JSX.Element {
  const [now, setNow] = useState(() => Date.now());
  const [startedAt, setStartedAt] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <div className={styles.clock}>
      <span aria-label="Time of day" data-presenter-clock="">
        {formatTimeOfDay(new Date(now))}
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
