// Which decks exist: one per doc page, at `/present<permalink>`. Pure, so the mapping is tested
// without Docusaurus; `index.ts` feeds it the docs plugin's content and adds the routes.

/** What the deck route component gets as its `deck` prop (serialised into the build). */
export interface DeckInfo {
  docId: string;
  title: string;
  /** The reader's page, where Escape returns to. */
  permalink: string;
  /** This deck's own path. */
  path: string;
}

/** Published as the presenter plugin's global data: the Present button finds its deck here. */
export interface DecksData {
  decks: DeckInfo[];
}

export interface DocForDeck {
  id: string;
  title: string;
  permalink: string;
  /** The doc's Markdown file as the bundler resolves it (`@site/docs/x.md`): the same module the page renders. */
  source: string;
}

export const PRESENT_BASE = '/present';

export function deckPath(permalink: string): string {
  const trimmed = permalink.replace(/\/+$/, '');
  return `${PRESENT_BASE}${trimmed}` || PRESENT_BASE;
}

export function decksFor(docs: readonly DocForDeck[]): { deck: DeckInfo; source: string }[] {
  return docs.map((doc) => ({
    source: doc.source,
    deck: { docId: doc.id, title: doc.title, permalink: doc.permalink, path: deckPath(doc.permalink) },
  }));
}

/**
 * The docs of the default docs plugin, read structurally: `allContent` is `unknown` per plugin, and
 * a doc without the fields we need simply gets no deck.
 */
export function docsFromAllContent(
  allContent: Record<string, Record<string, unknown> | undefined>,
): DocForDeck[] {
  const docsContent = allContent['docusaurus-plugin-content-docs']?.['default'] as
    { loadedVersions?: { docs?: Record<string, unknown>[] }[] } | undefined;
  const docs: DocForDeck[] = [];
  for (const version of docsContent?.loadedVersions ?? []) {
    for (const doc of version.docs ?? []) {
      const { id, title, permalink, source } = doc;
      if (typeof id === 'string' && typeof permalink === 'string' && typeof source === 'string') {
        docs.push({ id, title: typeof title === 'string' ? title : id, permalink, source });
      }
    }
  }
  return docs;
}
