/**
 * Docusaurus fetches, for every internal link that scrolls into view, the chunks of the page it
 * leads to (its Link calls `window.docusaurus.prefetch`). On a doc page that is dozens of
 * `<link rel=prefetch>` appended as the page hydrates: after React's own work, the longest
 * main-thread work of a phone's page load (bench/README.md, "Lighthouse"). The same prefetches run
 * here when the page is idle, a few milliseconds of them at a time; hovering or touching a link
 * still loads its page at once (`preload`, untouched).
 */
import { whenIdle } from './idle';

type Docusaurus = Window['docusaurus'];

/** Main-thread time one idle callback spends (at least one prefetch): a phone's 4× slower CPU keeps it well under 50 ms. */
const SLICE_MS = 4;
const replaced = new WeakSet<Docusaurus>();

export function prefetchWhenIdle(): void {
  const original = window.docusaurus as Docusaurus | undefined;
  if (!original || replaced.has(original)) return;
  const queue: string[] = [];
  const drain = () => {
    const until = performance.now() + SLICE_MS;
    while (queue.length > 0 && performance.now() < until) void original.prefetch(queue.shift()!);
    if (queue.length > 0) whenIdle(drain, 5000);
  };
  const deferred: Docusaurus = Object.freeze({
    ...original,
    prefetch: (url: string) => {
      // A drain is pending exactly when the queue is not empty.
      if (queue.push(url) === 1) whenIdle(drain, 5000);
      return false as const;
    },
  });
  replaced.add(deferred);
  window.docusaurus = deferred;
}
