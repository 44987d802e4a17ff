/**
 * The route `/present/<page>` (added by src/plugins/presenter): the doc's own MDX module rendered
 * as a deck. It provides what the theme's Layout would (colour mode and the other contexts the
 * content's components read) without the navbar, sidebar and footer a slide has no room for.
 */
import React from 'react';
import LayoutProvider from '@theme/Layout/Provider';
import Head from '@docusaurus/Head';
import { PageMetadata } from '@docusaurus/theme-common';
import type { DeckInfo } from '../../plugins/presenter/deckRoutes';
import PresenterDeck from './PresenterDeck';

interface Props {
  /** The doc's compiled MDX module's component (the route's `modules.content`). */
  content: React.ComponentType;
  deck: DeckInfo;
}

export default function DeckRoute({ content, deck }: Props): React.JSX.Element {
  return (
    <LayoutProvider>
      <PageMetadata title={`${deck.title} (slides)`} />
      <Head>
        {/* A deck is a view of a page, not a page of its own: kept out of the sitemap and search engines. */}
        <meta name="robots" content="noindex" />
      </Head>
      <PresenterDeck Content={content} deck={deck} />
    </LayoutProvider>
  );
}
