/**
 * A live page loads and evaluates xterm once it has loaded and is idle, so the first Run finds the
 * terminal ready (a cold Run is a warm one), while xterm stays out of the page's first load.
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openPage } from '../support/browser';
import { liveUrl } from '../support/liveShells';
import { recordScripts, type LoadedScript } from '../support/scripts';
import { liveAvailability } from '../support/site';
import { startRunnerSite } from './support';

const availability = liveAvailability();

describe.skipIf(!availability.available)('xterm on a live page (npm run live)', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: false }));

  it('is loaded after the load event, when idle, before any Run; never in the first load', async () => {
    let scripts: () => Promise<LoadedScript[]> = async () => [];
    const { page } = await openPage(e2e.browser, liveUrl(e2e.site, '/running-locally'), {
      beforeNavigate: (tab) => void (scripts = recordScripts(tab)),
    });
    await page.locator('[data-connection="connected"]').first().waitFor();
    const xterm = async () => (await scripts()).filter((script) => script.xtermMarkers.length > 0);
    await expect.poll(async () => (await xterm()).length).toBeGreaterThan(0);
    expect((await xterm()).filter((script) => !script.afterLoad).map((script) => script.url)).toEqual([]);
    // Evaluated, not only fetched: xterm's stylesheet is in the document before any terminal exists.
    expect(await page.locator('.xterm').count()).toBe(0);
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.styleSheets].some((sheet) =>
            [...sheet.cssRules].some((rule) => rule.cssText.includes('.xterm-helper-textarea')),
          ),
        ),
      )
      .toBe(true);
    await page.close();
  });
});
