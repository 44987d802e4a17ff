/** The JavaScript a first-time reader downloads for one page, gzipped, and how much of it is xterm. */
import { firstLoadBytes, recordScripts } from '../../tests/e2e/support/scripts';
import { launchBenchBrowser, VIEWPORT } from '../page/browser';

export interface FirstLoad {
  gzipBytes: number;
  xtermGzipBytes: number;
  scripts: Array<{ path: string; gzipBytes: number; xterm: boolean; prefetch: boolean }>;
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
    return {
      // As the site tests count it: scripts the page ran, not idle-time prefetches of other pages.
      gzipBytes: firstLoadBytes(loaded),
      xtermGzipBytes: firstLoadBytes(loaded.filter((s) => s.xtermMarkers.length > 0)),
      scripts: loaded
        .map((s) => ({
          path: new URL(s.url).pathname,
          gzipBytes: s.gzipBytes,
          xterm: s.xtermMarkers.length > 0,
          prefetch: s.prefetch,
        }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes),
    };
  } finally {
    await browser.close();
  }
}
