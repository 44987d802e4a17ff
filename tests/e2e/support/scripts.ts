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
  return async () =>
    Promise.all(
      [...responses.values()].map(async (response) => {
        const body = await response.body();
        const text = body.toString('utf8');
        return {
          url: response.url(),
          bytes: body.length,
          gzipBytes: gzipSync(body).length,
          prefetch: !isRun(response),
          xtermMarkers: XTERM_MARKERS.filter((marker) => text.includes(marker)),
        };
      }),
    );
}

function isRun(response: Response): boolean {
  return response.request().resourceType() === 'script';
}

/** The gzipped bytes of the scripts the page ran (prefetches left out). */
export function firstLoadBytes(scripts: LoadedScript[]): number {
  return scripts.filter((script) => !script.prefetch).reduce((sum, script) => sum + script.gzipBytes, 0);
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A small table for the test log: one line per script, then the total. */
export function describeScripts(where: string, scripts: LoadedScript[]): string {
  const run = scripts.filter((script) => !script.prefetch);
  const prefetched = scripts.length - run.length;
  const lines = scripts
    .slice()
    .sort((a, b) => Number(a.prefetch) - Number(b.prefetch) || b.gzipBytes - a.gzipBytes)
    .map(
      (script) =>
        `    ${kib(script.gzipBytes).padStart(10)} gz  ${new URL(script.url).pathname}${script.prefetch ? '  (prefetch)' : ''}`,
    );
  return `${where}: ${run.length} scripts run, ${kib(firstLoadBytes(scripts))} gzipped (+${prefetched} prefetched)\n${lines.join('\n')}`;
}
