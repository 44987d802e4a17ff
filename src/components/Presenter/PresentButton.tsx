/** "Present": opens the current doc page as a deck, when the presenter plugin made one for it. */
import React from 'react';
import Link from '@docusaurus/Link';
import { useLocation } from '@docusaurus/router';
import { usePluginData } from '@docusaurus/useGlobalData';
import type { DecksData } from '../../plugins/presenter/deckRoutes';
import styles from './present.module.css';

function normalize(pathname: string): string {
  return pathname.replace(/\/+$/, '') || '/';
}

export default function PresentButton(): React.JSX.Element | null {
  const { pathname } = useLocation();
  const data = usePluginData('presenter') as DecksData | undefined;
  const deck = data?.decks.find((candidate) => normalize(candidate.permalink) === normalize(pathname));
  if (!deck) return null;
  return (
    <Link
      to={deck.path}
      className={styles.present}
      title="Show this page as slides, with its terminal on stage (? lists the keys)"
      data-present-link=""
    >
      ▶ Present
    </Link>
  );
}
