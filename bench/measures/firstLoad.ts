/** The JavaScript a first-time reader downloads for one page, gzipped, and how much of it is xterm. */
import { recordScripts } from '../../tests/e2e/support/scripts';
import { launchBenchBrowser, VIEWPORT } from '../page/browser';

export interface FirstLoad {
  gzipBytes: number;
  xtermGzipBytes: number;
  scripts: Array<{ path: string; gzipBytes: number; xterm: boolean }>;
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
      gzipBytes: loaded.reduce((sum, s) => sum + s.gzipBytes, 0),
      xtermGzipBytes: loaded
        .filter((s) => s.xtermMarkers.length > 0)
        .reduce((sum, s) => sum + s.gzipBytes, 0),
      scripts: loaded
        .map((s) => ({
          path: new URL(s.url).pathname,
          gzipBytes: s.gzipBytes,
          xterm: s.xtermMarkers.length > 0,
        }))
        .sort((a, b) => b.gzipBytes - a.gzipBytes),
    };
  } finally {
    await browser.close();
  }
}
