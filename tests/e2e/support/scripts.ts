import { gzipSync } from 'node:zlib';
import type { Page, Response } from 'playwright-core';

export interface LoadedScript {
  url: string;
  bytes: number;
  gzipBytes: number;
  /**
   * Fetched by `<link rel="prefetch">` (Docusaurus prefetches the routes linked from what is on
   * screen): not run by this page, and how many depends on timing, so totals leave them out.
   */
  prefetch: boolean;
  /**
   * Requested after the window's load event: fetched later by the page itself, when idle (on a live
   * page, xterm's chunks), not needed to show and hydrate the page. Counted apart from the first
   * load, and still listed.
   */
  afterLoad: boolean;
  /** xterm.js fingerprints found in the code (empty when the script carries no xterm). */
  xtermMarkers: string[];
}

// Strings that survive minification of @xterm/xterm (its DOM class names); `class Terminal` does not.
const XTERM_MARKERS = ['xterm-helper-textarea', 'xterm-screen', 'xterm-viewport', 'xterm-accessibility'];

/**
 * Starts recording every JavaScript response of `page`; call before navigating. The returned
 * function reads the bodies and measures them as a reader's browser would receive them (gzip).
 */
export function recordScripts(page: Page): () => Promise<LoadedScript[]> {
  // Keyed by URL: with the cache off, Chromium fetches a `<link rel="preload">`ed script a second time,
  // which a real first visit does not.
  const responses = new Map<string, Response>();
  page.on('response', (response) => {
    const isScript =
      response.request().resourceType() === 'script' || new URL(response.url()).pathname.endsWith('.js');
    const known = responses.get(response.url());
    // A script first prefetched and then run counts as run.
    const replaces = !known || (isRun(known) === false && isRun(response));
    if (isScript && response.ok() && replaces) responses.set(response.url(), response);
  });
  return async () => {
    const requestedAfterLoad = await scriptsRequestedAfterLoad(page);
    return Promise.all(
      [...responses.values()].map(async (response) => {
        const body = await response.body();
        const text = body.toString('utf8');
        return {
          url: response.url(),
          bytes: body.length,
          gzipBytes: gzipSync(body).length,
          prefetch: !isRun(response),
          afterLoad: requestedAfterLoad.has(response.url()),
          xtermMarkers: XTERM_MARKERS.filter((marker) => text.includes(marker)),
        };
      }),
    );
  };
}

/**
 * URLs first requested after the load event, by the page's own clock (Resource Timing), so that the
 * order does not depend on when the test process hears of each request. A URL with no timing entry
 * counts as first load.
 */
async function scriptsRequestedAfterLoad(page: Page): Promise<Set<string>> {
  const urls = await page.evaluate(() => {
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    const loadAt = navigation && navigation.loadEventStart > 0 ? navigation.loadEventStart : Infinity;
    const firstRequest = new Map<string, number>();
    for (const entry of performance.getEntriesByType('resource')) {
      firstRequest.set(entry.name, Math.min(entry.startTime, firstRequest.get(entry.name) ?? Infinity));
    }
    return [...firstRequest].filter(([, startTime]) => startTime >= loadAt).map(([url]) => url);
  });
  return new Set(urls);
}

function isRun(response: Response): boolean {
  return response.request().resourceType() === 'script';
}

/** The gzipped bytes of the scripts the page ran to show itself (prefetches and later loads left out). */
export function firstLoadBytes(scripts: LoadedScript[]): number {
  return gzipTotal(scripts.filter((script) => !script.prefetch && !script.afterLoad));
}

/** The gzipped bytes of the scripts the page requested and ran after its load event. */
export function afterLoadBytes(scripts: LoadedScript[]): number {
  return gzipTotal(scripts.filter((script) => !script.prefetch && script.afterLoad));
}

function gzipTotal(scripts: LoadedScript[]): number {
  return scripts.reduce((sum, script) => sum + script.gzipBytes, 0);
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A small table for the test log: one line per script, then the total. */
export function describeScripts(where: string, scripts: LoadedScript[]): string {
  const first = scripts.filter((script) => !script.prefetch && !script.afterLoad);
  const later = scripts.filter((script) => !script.prefetch && script.afterLoad);
  const prefetched = scripts.length - first.length - later.length;
  const rank = (script: LoadedScript) => (script.prefetch ? 2 : script.afterLoad ? 1 : 0);
  const lines = scripts
    .slice()
    .sort((a, b) => rank(a) - rank(b) || b.gzipBytes - a.gzipBytes)
    .map(
      (script) =>
        `    ${kib(script.gzipBytes).padStart(10)} gz  ${new URL(script.url).pathname}${script.prefetch ? '  (prefetch)' : script.afterLoad ? '  (after load)' : ''}`,
    );
  return (
    `${where}: ${first.length} scripts run on first load, ${kib(firstLoadBytes(scripts))} gzipped` +
    ` (+${later.length} after load, ${kib(afterLoadBytes(scripts))}; +${prefetched} prefetched)\n${lines.join('\n')}`
  );
}
