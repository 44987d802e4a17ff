// Several walkthroughs in one site: the pages at the top of docs/ are the first walkthrough (the
// hybrid-cloud story, whose URLs predate the others), and each folder of docs/ is one more, with its
// own landing page (the folder's index.md), sidebar section, progress and decks.

/** The walkthrough a page belongs to: its top folder under docs/, or '' for the pages at the top. */
export function walkthroughOf(pageId: string): string {
  const slash = pageId.indexOf('/');
  return slash < 0 ? '' : pageId.slice(0, slash);
}
