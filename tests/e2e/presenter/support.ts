/**
 * Helpers for the presenter's browser tests: the project started as the README says (`npm run live`
 * via SITE-E2E's helpers) with the simulated `crc`/`oc`/`skupper` of tests/fakes first on the
 * server's PATH (test doubles: no cluster exists here) and a scratch HOME, and readers for a deck.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT, startLive, type LiveSite } from '../support/site';

export const SPLIT_DECK = '/present/split-deployment';

export interface PresenterSite extends LiveSite {
  /** The shells' HOME (and working directory): where a command typed into them would write. */
  home: string;
}

export async function startPresenterSite(): Promise<PresenterSite> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'rw-presenter-e2e-'));
  const home = path.join(work, 'home');
  mkdirSync(home);
  // An empty rc: the shells must not depend on (or hang in) the rc files of whoever runs the tests.
  writeFileSync(path.join(home, '.bashrc'), '');
  const saved = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    FAKE_CLUSTERS_DIR: process.env.FAKE_CLUSTERS_DIR,
  };
  process.env.PATH = `${path.join(PROJECT_ROOT, 'tests', 'fakes', 'bin')}${path.delimiter}${process.env.PATH ?? ''}`;
  process.env.HOME = home;
  process.env.FAKE_CLUSTERS_DIR = mkdtempSync(path.join(os.tmpdir(), 'rw-presenter-clusters-'));
  try {
    // The server's shells inherit this environment when it starts them.
    return { ...(await startLive(['--cwd', home, '--audience'])), home };
  } finally {
    process.env.PATH = saved.PATH;
    process.env.HOME = saved.HOME;
    if (saved.FAKE_CLUSTERS_DIR === undefined) delete process.env.FAKE_CLUSTERS_DIR;
    else process.env.FAKE_CLUSTERS_DIR = saved.FAKE_CLUSTERS_DIR;
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
  await page.waitForSelector(`[data-presenter-view][data-slide-index="${index}"]`, { timeout: 10_000 });
}

/** Presses → until the step's block is on screen; returns the slide's index. */
export async function goToStep(page: Page, stepId: string): Promise<number> {
  const { count } = await deckState(page);
  for (let i = 0; i < count; i += 1) {
    if (await page.locator(`#rw-deck-content [data-step-id="${stepId}"]`).isVisible()) {
      return (await deckState(page)).index;
    }
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`no slide of the deck shows step ${stepId}`);
}

/** The visible rows of a terminal tab, as text (xterm's DOM renderer draws them as DOM). */
export async function terminalText(page: Page, terminal: string): Promise<string> {
  const rows = page.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm-rows`);
  if ((await rows.count()) === 0) return '';
  const text = await rows.first().evaluate((element) => (element as HTMLElement).innerText);
  return text.replace(/\u00a0/g, ' ');
}

export async function waitForTerminalText(
  page: Page,
  terminal: string,
  text: string,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await terminalText(page, terminal);
    if (seen.includes(text)) return seen;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal "${terminal}" never showed "${text}"; it shows:\n${seen}`);
}
