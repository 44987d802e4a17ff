/**
 * A live page loads and evaluates xterm once it has loaded and is idle, and opens its first terminal
 * out of sight, so the first Run finds the terminal ready (a cold Run is a warm one), while xterm
 * stays out of the page's first load; and a terminal that has shown a flood of output keeps none
 * of it beyond its scrollback, and is not made to draw a flood it cannot keep up with.
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openPage } from '../support/browser';
import { liveUrl, runStepToEnd, terminalText, waitForTerminalText } from '../support/liveShells';
import { recordScripts, type LoadedScript } from '../support/scripts';
import { liveAvailability } from '../support/site';
import { startRunnerSite } from './support';

const availability = liveAvailability();
const NAMESPACE = 'running-locally/create-a-project-namespace';

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
    // Evaluated, not only fetched: xterm's stylesheet is in the document before any Run.
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

  it('opens the first terminal out of sight before any Run; the Run moves that screen into the dock', async () => {
    const { page } = await openPage(e2e.browser, liveUrl(e2e.site, '/running-locally'));
    await page.locator('[data-connection="connected"]').first().waitFor();
    const parked = page.locator('[data-rw-parking] .rw-terminal-host[data-terminal="main"] .xterm');
    await parked.waitFor({ state: 'attached' });
    expect(await parked.isVisible()).toBe(false);
    expect(await page.getByRole('tab').count()).toBe(0);
    // Marked, to tell the screen that was parked from one the Run would make anew.
    await parked.evaluate((screen) => screen.setAttribute('data-was-parked', ''));
    await runStepToEnd(page, NAMESPACE);
    const shown = page.locator('[role="tabpanel"][data-terminal="main"] .xterm');
    expect(await shown.getAttribute('data-was-parked')).toBe('');
    await expect.poll(() => shown.isVisible()).toBe(true);
    expect(await page.locator('[data-rw-parking]').count()).toBe(0);
    await waitForTerminalText(page, 'main', 'oc');
    await page.close();
  });
});

describe.skipIf(!availability.available)('a terminal under a flood of output (npm run live)', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: false }));
  /** Fixed, not timed: the same output on a busy machine as on a quiet one. */
  const FLOOD = 'yes | head -c 4000000; echo flood-$((6*7))';

  it('keeps no memory for what it has shown: 4 MB of `yes` leave the page heap where it was', async () => {
    const { page } = await openPage(e2e.browser, liveUrl(e2e.site, '/running-locally'));
    await page.locator('[data-connection="connected"]').first().waitFor();
    // `oc` is not installed here: the step fails at once, and its terminal is open.
    await runStepToEnd(page, NAMESPACE);
    const cdp = await page.context().newCDPSession(page);
    const heapAfterGc = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const before = await heapAfterGc();
    const terminal = await page.locator(`[data-step-id="${NAMESPACE}"]`).getAttribute('data-terminal');
    await page.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm`).first().click();
    await page.keyboard.type(FLOOD);
    await page.keyboard.press('Enter');
    await waitForTerminalText(page, terminal!, 'flood-42', 180_000);
    const grown = (await heapAfterGc()) - before;
    console.log(`heap grew ${(grown / 2 ** 20).toFixed(1)} MiB`);
    // Scrollback (5,000 rows) and xterm's caches are a few MB; every line kept would be hundreds.
    expect(grown / 2 ** 20).toBeLessThan(16);
    await page.close();
  }, 240_000);

  it('fast-forwards a flood it cannot draw: it ends on the last lines, with its scrollback, having drawn a fraction', async () => {
    const { page } = await openPage(e2e.browser, liveUrl(e2e.site, '/running-locally'), {
      beforeNavigate: async (tab) => void (await tab.addInitScript(countOutputUnits)),
    });
    await page.locator('[data-connection="connected"]').first().waitFor();
    await runStepToEnd(page, NAMESPACE);
    const terminal = await page.locator(`[data-step-id="${NAMESPACE}"]`).getAttribute('data-terminal');
    const screen = page.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm`).first();
    await screen.click();
    // 3,000,000 numbered lines: ~21 MB, which the page would need seconds to draw line by line.
    await page.keyboard.type('seq 3000000; echo seq-$((6*7))');
    await page.keyboard.press('Enter');
    await waitForTerminalText(page, terminal!, 'seq-42', 180_000);
    const drawn = await page.evaluate(() => (window as unknown as OutputCount).rwOutputUnits);
    console.log(`the page was sent ${(drawn / 1e6).toFixed(2)} M units of a ~21 MB flood`);
    expect(drawn).toBeLessThan(5_000_000);
    // The last screen came with its scrollback: a row ~950 lines up is found there, and the rows
    // around it are the flood's, in order.
    const wanted = String(3_000_000 - 950);
    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('searchbox', { name: 'Search the terminal' }).fill(wanted);
    const rows = async () =>
      (await terminalText(page, terminal!))
        .split('\n')
        .map((row) => row.trim())
        .filter((row) => /^\d+$/.test(row))
        .map(Number);
    await expect.poll(rows, { timeout: 10_000 }).toContain(Number(wanted));
    const shown = await rows();
    expect(shown.every((row, i) => i === 0 || row === shown[i - 1]! + 1)).toBe(true);
    await page.close();
  }, 240_000);
});

interface OutputCount {
  rwOutputUnits: number;
}

/** Counts, in the page, the output units the server sends (an init script: runs before the page's own). */
function countOutputUnits(): void {
  const scope = window as unknown as OutputCount;
  scope.rwOutputUnits = 0;
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event: MessageEvent) => {
        if (typeof event.data === 'string' && event.data.startsWith('{"type":"output"'))
          scope.rwOutputUnits += (JSON.parse(event.data) as { data: string }).data.length;
      });
    }
  };
}
