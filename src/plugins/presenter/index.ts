// A Docusaurus plugin: every doc page also opens as a deck at `/present<permalink>`. The route
// renders the doc's own compiled MDX module (the one the reader's page renders: no second copy of
// the content, no second parser); `src/components/Presenter` splits it into slides in the browser.
import type { Plugin } from '@docusaurus/types';
import { decksFor, docsFromAllContent, type DecksData } from './deckRoutes';

export { deckPath, PRESENT_BASE, type DeckInfo, type DecksData } from './deckRoutes';

export const PRESENTER_PLUGIN_NAME = 'presenter';

export default function presenterPlugin(): Plugin {
  return {
    name: PRESENTER_PLUGIN_NAME,
    async allContentLoaded({ allContent, actions }) {
      const decks = decksFor(docsFromAllContent(allContent));
      for (const { deck, source } of decks) {
        actions.addRoute({
          path: deck.path,
          component: '@site/src/components/Presenter/DeckRoute',
          exact: true,
          modules: { content: source },
          props: { deck },
        });
      }
      const data: DecksData = { decks: decks.map(({ deck }) => deck) };
      actions.setGlobalData(data);
    },
  };
}
