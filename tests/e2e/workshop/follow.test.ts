/**
 * Presenter follow through the workshop server: the instructor presents a deck in one browser, an
 * attendee in another follows its slides, leaves and rejoins, sees the step the presenter runs with
 * `r` in the presenter's mirrored terminal, and cannot type into it. (The same read-only access
 * without a browser: tests/server/workshop/follow.test.ts.)
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, ensureSiteBuilt } from '../support/build';
import { terminalText, waitForTerminalText } from '../support/liveShells';
import { freePort } from '../support/processes';
import { deckState, goToStep, waitForDeck, waitForSlide } from '../presenter/support';
import {
  activeTerminal,
  joinWorkshop,
  startWorkshop,
  stopWorkshop,
  workshopDataDir,
  type RunningWorkshop,
} from './support';

const DECK = '/present/running-locally';
/** A deck whose steps need no cluster: its first step prints this. */
const GUIDE_DECK = '/present/authoring';
const GUIDE_OUTPUT = 'a step of the authoring guide';
/** Two workspaces and two browsers start on a busy 2-core machine. */
const TEST_TIMEOUT_MS = 180_000;
let workshop: RunningWorkshop | undefined;
const data = workshopDataDir();
const browsers: BrowserSession[] = [];
let presenter: Page;
let follower: Page;
const followerFrames = { sent: [] as string[], received: [] as string[] };

beforeAll(async () => {
  await ensureSiteBuilt();
  workshop = await startWorkshop(data.dir, await freePort());
  for (let i = 0; i < 2; i++) browsers.push(await launchBrowser());
  [presenter, follower] = (await Promise.all(browsers.map((b) => b.context.newPage()))) as [Page, Page];
  follower.on('websocket', (socket) => {
    socket.on('framesent', (frame) => followerFrames.sent.push(String(frame.payload)));
    socket.on('framereceived', (frame) => followerFrames.received.push(String(frame.payload)));
  });
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
    // On a phone too, the dock's bar shows "Follow the presenter" and the session's time, whole and uncovered.
    await follower.setViewportSize({ width: 390, height: 844 });
    for (const shown of [
      follower.getByRole('link', { name: 'Follow the presenter' }),
      follower.getByRole('timer'),
    ]) {
      const box = (await shown.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const centre = [box.x + box.width / 2, box.y + box.height / 2] as const;
      expect(
        await shown.evaluate((element, [x, y]) => element.contains(document.elementFromPoint(x, y)), centre),
      ).toBe(true);
    }
    await follower.setViewportSize({ width: 1280, height: 900 });
    await presenter.keyboard.press('ArrowRight');
    await startFollowing();
    await waitForSlide(follower, 2);
  });

  it('says why r runs nothing on a slide whose only step is for a laptop (hidden in a workshop)', async () => {
    // running-locally's second slide is `crc start`, fenced only="laptop".
    await presenter.keyboard.press('Home');
    await waitForSlide(presenter, 0);
    await presenter.keyboard.press('ArrowRight');
    await waitForSlide(presenter, 1);
    expect(await presenter.locator('#rw-deck-content [data-step-id]:visible').count()).toBe(0);
    await presenter.keyboard.press('r');
    await presenter.getByText('laptop-only steps are hidden here').waitFor();
  });

  it(
    "runs the slide's step on r in the presenter's workspace; the follower sees it and cannot type into it",
    async () => {
      await presenter.goto(`${workshop!.base}${GUIDE_DECK}`);
      await waitForDeck(presenter);
      // The follower is taken to the presenter's new deck.
      await follower.waitForURL((url) => url.pathname === GUIDE_DECK);
      expect((await waitForDeck(follower)).view).toBe('audience');
      const stepId = await presenter
        .locator('#rw-deck-content [data-step-id]')
        .first()
        .getAttribute('data-step-id');
      if (!stepId) throw new Error('the guide deck shows no step');
      await presenter.locator('#rw-deck-content').click();
      const slide = await goToStep(presenter, stepId);
      await waitForSlide(follower, slide);

      await presenter.keyboard.press('r');
      await presenter.waitForSelector(`[data-step-id="${stepId}"][data-step-state="passed"]`, {
        timeout: 60_000,
      });
      const terminal = await activeTerminal(presenter);
      await waitForTerminalText(presenter, terminal, GUIDE_OUTPUT);
      expect(await waitForTerminalText(follower, terminal, GUIDE_OUTPUT, 60_000)).toContain('Hello from');
      expect((await deckState(follower)).index).toBe(slide);

      const marker = path.join(data.dir, 'homes', 'presenter', 'typed-by-a-follower');
      await follower.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm`).first().click();
      await follower.keyboard.type(`touch ${marker}`);
      await follower.keyboard.press('Enter');
      await expect
        .poll(() => followerFrames.received.some((frame) => frame.includes('"code":"read-only"')), {
          timeout: 30_000,
        })
        .toBe(true);
      // The keystrokes left the page; the server refused them: no file, no trace on the presenter's screen.
      expect(followerFrames.sent.some((frame) => frame.includes('"type":"input"'))).toBe(true);
      expect(existsSync(marker)).toBe(false);
      expect(await terminalText(presenter, terminal)).not.toContain('typed-by-a-follower');
    },
    TEST_TIMEOUT_MS,
  );
});
