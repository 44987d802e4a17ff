/**
 * Presenter follow through the workshop server: the instructor presents a deck in one browser, an
 * attendee in another follows its slides and sees the presenter's terminal, and cannot type into it.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, ensureSiteBuilt } from '../support/build';
import { terminalText } from '../support/liveShells';
import { freePort } from '../support/processes';
import { waitForDeck, waitForSlide } from '../presenter/support';
import { joinWorkshop, startWorkshop, stopWorkshop, workshopDataDir, type RunningWorkshop } from './support';

const DECK = '/present/running-locally';
/** Two workspaces and two browsers start on a busy 2-core machine. */
const TEST_TIMEOUT_MS = 180_000;
let workshop: RunningWorkshop | undefined;
const data = workshopDataDir();
const browsers: BrowserSession[] = [];
let presenter: Page;
let follower: Page;

beforeAll(async () => {
  await ensureSiteBuilt();
  workshop = await startWorkshop(data.dir, await freePort());
  for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
  [presenter, follower] = (await Promise.all(browsers.map((b) => b.context.newPage()))) as [Page, Page];
}, BUILD_HOOK_TIMEOUT_MS);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await stopWorkshop(workshop);
  data.remove();
});

async function startFollowing(): Promise<void> {
  await follower.getByRole('link', { name: 'Follow the presenter' }).click();
  expect((await waitForDeck(follower)).view).toBe('audience');
}

describe('presenter follow in a hosted workshop', () => {
  it(
    'offers attendees to follow the presenter once the deck is live, and follows its slides',
    async () => {
      await presenter.goto(workshop!.instructorUrl);
      await presenter.goto(`${workshop!.base}${DECK}`);
      expect((await waitForDeck(presenter)).view).toBe('presenter');
      await joinWorkshop(follower, workshop!.joinUrl, 'Fay');
      await startFollowing();
      await waitForSlide(follower, 0);
      await presenter.locator('#rw-deck-content').click();
      await presenter.keyboard.press('ArrowRight');
      await waitForSlide(follower, 1);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'mirrors the step the presenter runs into the follower’s terminal, read-only',
    async () => {
      const stepId = await presenter
        .locator('#rw-deck-content [data-step-id]')
        .first()
        .getAttribute('data-step-id');
      expect(stepId).toBeTruthy();
      await presenter.keyboard.press('r');
      await presenter.waitForSelector(
        `[data-step-id="${stepId}"]:is([data-step-state="passed"], [data-step-state="failed"])`,
        { timeout: 90_000 },
      );
      const terminal =
        (await presenter.locator('[role="tabpanel"]').first().getAttribute('data-terminal')) ?? '';
      const shown = (await terminalText(presenter, terminal))
        .trim()
        .split('\n')
        .filter((line) => line.trim() !== '');
      const line = shown.find((l) => !/[$#] *$/.test(l)) ?? shown[0] ?? '';
      expect(line).not.toBe('');
      await expect.poll(() => terminalText(follower, terminal), { timeout: 30_000 }).toContain(line.trim());

      await follower.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm`).first().click();
      await follower.keyboard.type('touch ~/typed-by-a-follower');
      await follower.keyboard.press('Enter');
      await presenter.keyboard.press('r');
      await presenter.waitForSelector(
        `[data-step-id="${stepId}"]:is([data-step-state="passed"], [data-step-state="failed"])`,
      );
      expect(existsSync(path.join(data.dir, 'homes', 'presenter', 'typed-by-a-follower'))).toBe(false);
      expect(await terminalText(presenter, terminal)).not.toContain('typed-by-a-follower');
    },
    TEST_TIMEOUT_MS,
  );

  it('lets the follower leave follow mode and rejoin it on the presenter’s current slide', async () => {
    await follower.getByRole('button', { name: 'Leave follow mode' }).click();
    await follower.waitForURL((url) => !url.search.includes('follow=presenter'));
    await presenter.keyboard.press('ArrowRight');
    await startFollowing();
    await waitForSlide(follower, 2);
  });
});
