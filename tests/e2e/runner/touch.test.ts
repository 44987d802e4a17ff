/**
 * The dock on a phone (390×844) and a tablet (820×1180), touch emulated in real Chromium against
 * `npm run live`: a bar of the keys a soft keyboard lacks, the terminal usable, the page still
 * readable above it. Screenshots go to test-results/touch/ (git-ignored) for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { openConnectedPage, terminalText } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, PROJECT_ROOT, liveAvailability, type LiveSite } from '../support/site';
import { startRunnerSite, stepButton, waitForStepState } from './support';

const availability = liveAvailability();
const STEP = 'clean-up/delete-the-token';
const SCREEN = '[role="tabpanel"][data-terminal="main"]';
const SHOTS = path.join(PROJECT_ROOT, 'test-results', 'touch');
const KEYS = [
  'Escape',
  'Tab',
  'Control (applies to the next key)',
  'Left',
  'Up',
  'Down',
  'Right',
  'Pipe',
  'Tilde',
];
const DEVICES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'tablet', width: 820, height: 1180 },
];

/** The prompt's line: the last line of the screen with text on it. */
async function promptLine(page: Page): Promise<string> {
  const lines = (await terminalText(page, 'main')).split('\n').filter((line) => line.trim() !== '');
  return (lines.at(-1) ?? '').trimEnd();
}

describe.skipIf(!availability.available)('the terminal dock on touch screens (npm run live)', () => {
  let live: LiveSite;

  beforeAll(async () => {
    live = await startRunnerSite({ fakes: false });
    mkdirSync(SHOTS, { recursive: true });
  }, BUILD_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await live?.close();
  });

  for (const device of DEVICES) {
    describe(`${device.name}, ${device.width}×${device.height}`, () => {
      let browser: BrowserSession;
      let page: Page;

      beforeAll(async () => {
        browser = await launchBrowser({ viewport: device, touch: true });
        ({ page } = await openConnectedPage(browser, live, '/clean-up'));
        await stepButton(page, STEP, 'Run').tap();
        await waitForStepState(page, STEP, ['passed']);
        await page.locator(`${SCREEN} .xterm-rows`).waitFor();
      }, 120_000);

      afterAll(async () => {
        await browser?.close();
      });

      it('shows every key of the key bar, whole, inside the screen', async () => {
        const bar = page.getByRole('toolbar', { name: 'Terminal keys' });
        for (const key of KEYS) {
          const box = await bar.getByRole('button', { name: key, exact: true }).boundingBox();
          expect(box, key).not.toBeNull();
          expect(box!.x).toBeGreaterThanOrEqual(0);
          expect(box!.x + box!.width).toBeLessThanOrEqual(device.width);
          expect(box!.y + box!.height).toBeLessThanOrEqual(device.height);
          expect(box!.height).toBeGreaterThanOrEqual(40); // a thumb's size
        }
      });

      it('types its keys into the shell; its Ctrl applies to the next key', async () => {
        const bar = page.getByRole('toolbar', { name: 'Terminal keys' });
        await bar.getByRole('button', { name: 'Tilde' }).tap();
        await bar.getByRole('button', { name: 'Pipe' }).tap();
        await expect.poll(() => promptLine(page)).toMatch(/~\|$/);
        await bar.getByRole('button', { name: 'Control (applies to the next key)' }).tap();
        await page.keyboard.type('u'); // Ctrl+U: readline erases the line
        await expect.poll(() => promptLine(page)).not.toMatch(/~\|$/);
      });

      it('keeps the page readable above the dock, with no sideways scrolling', async () => {
        const dock = await page.getByRole('region', { name: 'Terminals' }).boundingBox();
        expect(dock).not.toBeNull();
        expect(dock!.height).toBeLessThanOrEqual(device.height * 0.6);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          device.width,
        );
        const heading = await page.locator('article h1').boundingBox();
        await page.locator('article h1').scrollIntoViewIfNeeded();
        expect(heading).not.toBeNull();
        expect(await page.locator('article h1').isVisible()).toBe(true);
        await page.screenshot({
          path: path.join(SHOTS, `${device.name}-${device.width}x${device.height}.png`),
        });
      });
    });
  }
});
