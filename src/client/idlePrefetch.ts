/**
 * Docusaurus fetches, for every internal link that scrolls into view, the chunks of the page it
 * leads to (its Link calls `window.docusaurus.prefetch`). On a doc page that is dozens of
 * `<link rel=prefetch>` appended as the page hydrates: after React's own work, the longest
 * main-thread work of a phone's page load (bench/README.md, "Lighthouse"). The same prefetches run
 * here when the page is idle, a few milliseconds of them at a time; hovering or touching a link
 * still loads its page at once (`preload`, untouched).
 */
type Docusaurus = Window['docusaurus'];

/** Main-thread time one idle callback spends (at least one prefetch): a phone's 4× slower CPU keeps it well under 50 ms. */
const SLICE_MS = 4;
const replaced = new WeakSet<Docusaurus>();

export function prefetchWhenIdle(): void {
  const original = window.docusaurus as Docusaurus | undefined;
  if (!original || replaced.has(original)) return;
  const queue: string[] = [];
  let scheduled = false;
  const whenIdle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 200));
  const drain = () => {
    const until = performance.now() + SLICE_MS;
    while (queue.length > 0 && performance.now() < until) void original.prefetch(queue.shift()!);
    scheduled = queue.length > 0;
    if (scheduled) whenIdle(drain, { timeout: 5000 });
  };
  const deferred: Docusaurus = Object.freeze({
    ...original,
    prefetch: (url: string) => {
      queue.push(url);
      if (!scheduled) {
        scheduled = true;
        whenIdle(drain, { timeout: 5000 });
      }
      return false as const;
    },
  });
  replaced.add(deferred);
  window.docusaurus = deferred;
}
