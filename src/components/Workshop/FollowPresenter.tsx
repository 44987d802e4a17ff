/**
 * In a hosted workshop, "Follow the presenter" appears while the presenter's deck is live: it opens
 * the deck's audience view, which follows the presenter's slides and mirrors their terminal
 * read-only (the router and the workspace enforce it). A following tab offers to leave.
 */
import React, { useEffect, useState } from 'react';
import { isFollowing } from '../../client/launch';
import styles from './styles.module.css';

const STATE_URL = '/workshop/presenter/state.json';

export default function FollowPresenter(): React.JSX.Element | null {
  const [deckPath, setDeckPath] = useState<string | null>(null);
  const following = isFollowing(window.location);
  useEffect(() => {
    if (following) return undefined;
    let stopped = false;
    const look = () =>
      fetch(STATE_URL, { cache: 'no-store' })
        .then((response) => (response.ok ? (response.json() as Promise<{ deckPath?: unknown }>) : null))
        .then((state) => {
          if (!stopped) setDeckPath(typeof state?.deckPath === 'string' ? state.deckPath : null);
        })
        .catch(() => undefined);
    void look();
    const timer = window.setInterval(look, 15_000);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [following]);
  if (following)
    return (
      <button
        type="button"
        className={styles.follow}
        onClick={() => (window.history.length > 1 ? window.history.back() : window.location.assign('/'))}
      >
        Leave follow mode
      </button>
    );
  if (!deckPath) return null;
  return (
    <a className={styles.follow} href={`${deckPath}?view=audience&follow=presenter`}>
      Follow the presenter
    </a>
  );
}
