/**
 * Helpers for the presenter's browser tests: `npm run live --audience` started through the shared
 * support/liveShells, with the simulated `crc`/`oc`/`skupper` of tests/fakes first on the shells'
 * PATH (test doubles: no cluster exists here) and a scratch HOME, and readers for a deck.
 */
import type { Page } from 'playwright-core';
import { launchBrowser, openPage, type BrowserSession, type PageProblems } from '../support/browser';
import { liveUrl, startLiveInScratchHome, type ScratchLiveSite } from '../support/liveShells';

export const SPLIT_DECK = '/present/split-deployment';

export type PresenterSite = ScratchLiveSite;

export function startPresenterSite(): Promise<PresenterSite> {
  return startLiveInScratchHome({ fakes: true, args: ['--audience'] });
}

export interface PresenterWindow {
  live: PresenterSite;
  browser: BrowserSession;
  presenter: Page;
  problems: PageProblems;
  /** Closes the browser, then stops the site and its shells. */
  close(): Promise<void>;
}

/** The setup every live deck test shares: the site, a browser, and the presenter's window on the deck. */
export async function openPresenterWindow(): Promise<PresenterWindow> {
  const live = await startPresenterSite();
  let browser: BrowserSession | undefined;
  try {
    browser = await launchBrowser({ viewport: { width: 1400, height: 900 } });
    const { page, problems } = await openPage(browser, liveUrl(live, SPLIT_DECK));
    await waitForDeck(page);
    const opened = browser;
    return {
      live,
      browser: opened,
      presenter: page,
      problems,
      close: async () => {
        await opened.close();
        await live.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await live.close();
    throw error;
  }
}

export interface DeckState {
  view: string;
  index: number;
  count: number;
}

export async function deckState(page: Page): Promise<DeckState> {
  const deck = page.locator('[data-presenter-view]');
  return {
    view: (await deck.getAttribute('data-presenter-view')) ?? '',
    index: Number(await deck.getAttribute('data-slide-index')),
    count: Number(await deck.getAttribute('data-slide-count')),
  };
}

/** Waits until the deck knows its role and has cut its slides. */
export async function waitForDeck(page: Page): Promise<DeckState> {
  await page.waitForSelector(
    '[data-presenter-view]:not([data-presenter-view="pending"]):not([data-slide-count="0"])',
  );
  return deckState(page);
}

export async function waitForSlide(page: Page, index: number): Promise<void> {
  await page.waitForSelector(`[data-presenter-view][data-slide-index="${index}"]`, { timeout: 20_000 });
}

/** Presses → until the step's block is on screen; returns the slide's index. */
export async function goToStep(page: Page, stepId: string): Promise<number> {
  const { count, index: start } = await deckState(page);
  for (let index = start; index < count; index += 1) {
    if (index > start) {
      await page.keyboard.press('ArrowRight');
      // The next slide is on screen before its blocks are looked at (a busy machine renders late).
      await waitForSlide(page, index);
    }
    if (await page.locator(`#rw-deck-content [data-step-id="${stepId}"]`).isVisible()) return index;
  }
  throw new Error(`no slide of the deck shows step ${stepId}`);
}
