/** The JavaScript a first-time reader downloads for one page, gzipped, and how much of it is xterm. */
import { afterLoadBytes, firstLoadBytes, recordScripts } from '../../tests/e2e/support/scripts';
import { launchBenchBrowser, VIEWPORT } from '../page/browser';

export interface FirstLoad {
  /** Scripts the page ran up to its load event, as the site tests count them (tests/e2e/support/scripts.ts). */
  gzipBytes: number;
  /** Scripts the page requested after its load event, when idle (prefetches aside, none today). */
  afterLoadGzipBytes: number;
  /** Scripts carrying xterm that the page ran up to its load event (the first load must have none). */
  xtermGzipBytes: number;
  /** Scripts carrying xterm loaded after the load event: a live page evaluates xterm when idle. */
  xtermAfterLoadGzipBytes: number;
  scripts: Array<{ path: string; gzipBytes: number; xterm: boolean; prefetch: boolean; afterLoad: boolean }>;
}

export async function firstLoad(url: string): Promise<FirstLoad> {
  const browser = await launchBenchBrowser(VIEWPORT);
  try {
    const { page, cdp } = await browser.newPage();
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const scripts = recordScripts(page);
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.waitForTimeout(500);
    const loaded = await scripts();
    const xterm = loaded.filter((s) => s.xtermMarkers.length > 0);
    return {
      // As the site tests count it: scripts the page ran, not idle-time prefetches of other pages.
      gzipBytes: firstLoadBytes(loaded),
      afterLoadGzipBytes: afterLoadBytes(loaded),
      xtermGzipBytes: firstLoadBytes(xterm),
      xtermAfterLoadGzipBytes: afterLoadBytes(xterm),
      scripts: loaded
        .map((s) => ({
          path: new URL(s.url).pathname,
          gzipBytes: s.gzipBytes,
          xterm: s.xtermMarkers.length > 0,
          prefetch: s.prefetch,
          afterLoad: s.afterLoad,
        }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes),
    };
  } finally {
    await browser.close();
  }
}
