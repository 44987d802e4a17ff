/**
 * The only way xterm.js reaches the page: one memoized dynamic import, on first need. A page whose
 * reader never runs or replays anything downloads none of it (the first-load bundle test checks).
 */
import type { Terminal } from '@xterm/xterm';
import { whenIdle } from './idle';
import type { FitAddon } from '@xterm/addon-fit';
import type { WebLinksAddon } from '@xterm/addon-web-links';
import type { SearchAddon } from '@xterm/addon-search';

export interface TerminalKit {
  Terminal: typeof Terminal;
  FitAddon: typeof FitAddon;
  WebLinksAddon: typeof WebLinksAddon;
  SearchAddon: typeof SearchAddon;
}

let loading: Promise<TerminalKit> | null = null;

export function loadTerminal(): Promise<TerminalKit> {
  loading ??= Promise.all([
    import('@xterm/xterm'),
    import('@xterm/addon-fit'),
    import('@xterm/addon-web-links'),
    import('@xterm/addon-search'),
    import('@xterm/xterm/css/xterm.css'),
  ]).then(
    ([xterm, fit, links, search]) => ({
      Terminal: xterm.Terminal,
      FitAddon: fit.FitAddon,
      WebLinksAddon: links.WebLinksAddon,
      SearchAddon: search.SearchAddon,
    }),
    (error: unknown) => {
      // A failed chunk load (e.g. the site was redeployed under the page) may succeed on a later try.
      loading = null;
      throw new Error(
        `The terminal code could not be loaded: ${String(error)}. Reload the page to try again.`,
      );
    },
  );
  return loading;
}

/**
 * Starts loading xterm when a Run is likely (the pointer is on a live Run button, or the keyboard
 * is): the click then finds it loaded or on its way. Not at page load: a reader who never runs
 * anything downloads none of it. A failure here is reported by the load that needs it.
 */
export function preloadTerminal(): void {
  loadTerminal().catch(() => undefined);
}

/**
 * On a page with a terminal server, once it has loaded and is idle: loads and evaluates xterm, so the
 * first Run finds it ready (a cold Run is then a warm one: evaluating xterm and compiling it cost
 * ~90 ms of the first click before). After the load event, so it is never part of the first load; a
 * page without a server (the published site) never does this.
 */
export function prefetchTerminal(): void {
  const schedule = () => void whenIdle(preloadTerminal, 2000);
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
