/**
 * The deck of the published site (`npm run serve` of the build: no terminal server): it renders
 * with no console errors, shows the recorded output where a step would run, and prints one slide
 * per page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { describeProblems, hasProblems, openPage, type PageProblems } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, serveSite } from '../support/site';
import { SPLIT_DECK, goToStep, waitForDeck, waitForSlide } from './support';

const ENABLE_SKUPPER = 'split-deployment/enable-skupper';

describe('the split-deployment deck in the static build', () => {
  const e2e = useSiteAndBrowser(() => serveSite());
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    ({ page, problems } = await openPage(e2e.browser, e2e.site.url(SPLIT_DECK)));
  }, BUILD_HOOK_TIMEOUT_MS);

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

  it('cuts its slides once, with every diagram drawn on its slide from the first render (build-time SVG)', async () => {
    const fresh = await e2e.browser.context.newPage();
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
      await fresh.goto(e2e.site.url(SPLIT_DECK));
      const deck = await waitForDeck(fresh);
      const diagrams = await fresh.locator('#rw-deck-content [data-diagram]').count();
      expect(diagrams).toBeGreaterThan(0);
      // Walk the deck: on each slide that shows a diagram, its SVG (this colour mode's) is shown with it.
      let seenDrawn = 0;
      for (let index = deck.index; index < deck.count; index += 1) {
        if (index > deck.index) {
          await fresh.keyboard.press('ArrowRight');
          await waitForSlide(fresh, index);
        }
        const onScreen = await fresh
          .locator('#rw-deck-content [data-diagram]')
          .evaluateAll((blocks) =>
            blocks
              .filter((block) => block.checkVisibility())
              .map(
                (block) => [...block.querySelectorAll('svg')].filter((svg) => svg.checkVisibility()).length,
              ),
          );
        expect(onScreen.every((shown) => shown === 1)).toBe(true);
        // At the slide's large type, the labels keep the size the boxes were drawn around.
        expect(await labelsOutsideTheirBoxes(fresh)).toEqual([]);
        seenDrawn += onScreen.length;
      }
      expect(seenDrawn).toBeGreaterThanOrEqual(diagrams);
      const counts = await fresh.evaluate(() => (window as unknown as { slideCounts: string[] }).slideCounts);
      expect(counts).toHaveLength(1);
    } finally {
      await fresh.close();
    }
  });

  it("shows a step's command at projection size: no smaller than the slide's prose", async () => {
    await goToStep(page, ENABLE_SKUPPER);
    const sizes = await page.evaluate((stepId) => {
      const slide = document.querySelector('#rw-deck-content');
      const line = slide?.querySelector(`[data-step-id="${stepId}"] pre code .token-line`);
      const px = (element: Element | null | undefined) => parseFloat(getComputedStyle(element!).fontSize);
      return { prose: px(slide), command: px(line) };
    }, ENABLE_SKUPPER);
    expect(sizes.prose).toBeGreaterThan(16);
    expect(sizes.command).toBeGreaterThanOrEqual(sizes.prose);
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

/** The node labels of the shown diagrams wider than their node's shape, as "label: text ⟩ box" widths. */
function labelsOutsideTheirBoxes(page: Page): Promise<string[]> {
  return page.locator('#rw-deck-content [data-diagram] svg').evaluateAll((svgs) =>
    svgs
      .filter((svg) => svg.checkVisibility())
      .flatMap((svg) => [...svg.querySelectorAll<SVGGElement>('g.node')])
      .flatMap((node) => {
        const text = node.querySelector<SVGGraphicsElement>('text');
        const shape = node.querySelector<SVGGraphicsElement>('rect, polygon, path');
        if (!text || !shape) return [];
        const [label, box] = [text.getBBox().width, shape.getBBox().width];
        return label > box ? [`${text.textContent}: ${label.toFixed(0)} > ${box.toFixed(0)}`] : [];
      }),
  );
}
