/**
 * Presenter follow through the workshop server: the instructor presents a deck in one browser, an
 * attendee in another follows its slides, leaves and rejoins. (The mirrored terminal and its
 * read-only access are tests/server/workshop/follow.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, ensureSiteBuilt } from '../support/build';
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

  it('lets the follower leave follow mode and rejoin it on the presenter’s current slide', async () => {
    await follower.getByRole('button', { name: 'Leave follow mode' }).click();
    await follower.waitForURL((url) => !url.search.includes('follow=presenter'));
    await presenter.keyboard.press('ArrowRight');
    await startFollowing();
    await waitForSlide(follower, 2);
  });
});
