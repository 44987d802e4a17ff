/**
 * The deck of the published site (`npm run serve` of the build: no terminal server): it renders
 * with no console errors, shows the recorded output where a step would run, and prints one slide
 * per page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeProblems,
  hasProblems,
  launchBrowser,
  openPage,
  type BrowserSession,
  type PageProblems,
} from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, serveSite, type ServedSite } from '../support/site';
import { SPLIT_DECK, goToStep, waitForDeck, waitForSlide } from './support';

const ENABLE_SKUPPER = 'split-deployment/enable-skupper';

describe('the split-deployment deck in the static build', () => {
  let site: ServedSite;
  let browser: BrowserSession;
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    site = await serveSite();
    browser = await launchBrowser();
    ({ page, problems } = await openPage(browser, site.url(SPLIT_DECK)));
  }, BUILD_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('renders as slides with no console errors, page errors or failed requests', async () => {
    const deck = await waitForDeck(page);
    expect(deck.view).toBe('presenter');
    expect(deck.count).toBeGreaterThan(8);
    await page.keyboard.press('ArrowRight');
    await waitForSlide(page, 1);
    await page.keyboard.press('Home');
    await waitForSlide(page, 0);
    expect(hasProblems(problems), describeProblems(SPLIT_DECK, problems)).toBe(false);
  });

  it('cuts the same slides before and after its diagrams are drawn (mermaid loads late)', async () => {
    const fresh = await browser.context.newPage();
    try {
      // Every slide count the deck ever shows, from the first render on.
      await fresh.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { slideCounts: string[] }).slideCounts = seen;
        new MutationObserver(() => {
          const count = document.querySelector('[data-presenter-view]')?.getAttribute('data-slide-count');
          if (count && count !== '0' && seen.at(-1) !== count) seen.push(count);
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
      await fresh.goto(site.url(SPLIT_DECK));
      const deck = await waitForDeck(fresh);
      const diagrams = await fresh.locator('#rw-deck-content [data-diagram]').count();
      expect(diagrams).toBeGreaterThan(0);
      // A diagram is drawn once its slide is on screen (src/theme/Mermaid): walk the deck to each one.
      const drawn = fresh.locator('#rw-deck-content [data-diagram] .docusaurus-mermaid-container svg');
      const onScreen = () =>
        fresh
          .locator('#rw-deck-content [data-diagram]')
          .evaluateAll((blocks) =>
            blocks
              .filter((block) => block.checkVisibility())
              .map((block) => block.querySelector('.docusaurus-mermaid-container svg') !== null),
          );
      for (let index = deck.index; index < deck.count && (await drawn.count()) < diagrams; index += 1) {
        if (index > deck.index) {
          await fresh.keyboard.press('ArrowRight');
          await waitForSlide(fresh, index);
        }
        if ((await onScreen()).length > 0)
          await expect.poll(async () => (await onScreen()).every(Boolean)).toBe(true);
      }
      expect(await drawn.count()).toBe(diagrams);
      const counts = await fresh.evaluate(() => (window as unknown as { slideCounts: string[] }).slideCounts);
      expect(counts).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it("shows a step's recorded output on its slide, and says so when r is pressed", async () => {
    await goToStep(page, ENABLE_SKUPPER);
    const recorded = page.locator(
      `#rw-deck-content [data-step-id="${ENABLE_SKUPPER}"] details[data-recorded-output]`,
    );
    expect(await recorded.first().getAttribute('open')).not.toBeNull();
    expect(await recorded.first().innerText()).toContain('Skupper is enabled');
    await page.keyboard.press('r');
    expect(await page.getByRole('status').filter({ hasText: 'No terminal server' }).innerText()).toContain(
      'recorded output is on the slide',
    );
    expect(await page.locator('section[aria-label="Terminals"]').count()).toBe(0);
  });

  it('prints every slide, each from a new page, without the presenter view around it', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      const printed = await page.evaluate(() => {
        const content = document.querySelector('#rw-deck-content');
        const blocks = Array.from(content?.children ?? []);
        return {
          blocks: blocks.length,
          shown: blocks.filter((block) => getComputedStyle(block).display !== 'none').length,
          notes: blocks.filter((block) => block.hasAttribute('data-presenter-note')).length,
          pageBreaks: blocks.filter((block) => getComputedStyle(block).breakBefore === 'page').length,
          sidebar: getComputedStyle(document.querySelector('aside[aria-label="Presenter"]')!).display,
        };
      });
      const count = Number(await page.locator('[data-presenter-view]').getAttribute('data-slide-count'));
      expect(printed.pageBreaks).toBe(count - 1);
      expect(printed.shown).toBe(printed.blocks - printed.notes);
      expect(printed.sidebar).toBe('none');
      const pdf = await page.pdf({ format: 'A4', landscape: true });
      // One page per slide at least (a slide taller than a page continues on the next).
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      expect(pages).toBeGreaterThanOrEqual(count);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
