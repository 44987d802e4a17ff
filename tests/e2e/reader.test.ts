import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './support/siteAndBrowser';
import { describeProblems, openPage } from './support/browser';
import { permalinkOf, readDocs } from './support/docs';
import { MERMAID_SVG, visibleDiagramSvgs, waitForMermaid } from './support/pageReport';
import { serveSite } from './support/site';

const COLOUR_MODE_TOGGLE = 'button[aria-label*="dark and light mode"]';

/** The fill of the first shown diagram's first node: mermaid bakes its theme's colours into the SVG. */
function firstNodeFill(page: Page): Promise<string> {
  return page.evaluate((selector) => {
    const svg = [...document.querySelectorAll(selector)].find((candidate) => candidate.checkVisibility());
    const shape = svg?.querySelector('.node rect, .node polygon, .node path');
    return shape ? getComputedStyle(shape).fill : '';
  }, MERMAID_SVG);
}

// What a reader does on the published (static) site besides reading.
describe('a reader of the static build', () => {
  const e2e = useSiteAndBrowser(() => serveSite(), { colorScheme: 'light' });

  it('switches to dark mode with the navbar toggle, and the diagrams show in dark colours', async () => {
    const doc = (await readDocs()).find((candidate) => candidate.mermaidFences > 0);
    if (!doc) throw new Error('No page in docs/ has a mermaid diagram to switch.');
    const { page, problems } = await openPage(e2e.browser, e2e.site.url(permalinkOf(doc)));
    const drawn = await waitForMermaid(page, doc.mermaidFences);
    expect(drawn, describeProblems(doc.file, problems)).toBe(doc.mermaidFences);
    const lightFill = await firstNodeFill(page);
    expect(lightFill).not.toBe('');

    // With `respectPrefersColorScheme` the toggle cycles system → light → dark; click until dark.
    for (let click = 0; click < 3; click++) {
      if ((await page.locator('html').getAttribute('data-theme')) === 'dark') break;
      await page.locator(COLOUR_MODE_TOGGLE).first().click();
    }
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');

    await page.waitForFunction(
      ([selector, before]) => {
        const svg = [...document.querySelectorAll(selector)].find((candidate) => candidate.checkVisibility());
        const shape = svg?.querySelector('.node rect, .node polygon, .node path');
        return shape != null && getComputedStyle(shape).fill !== before;
      },
      [MERMAID_SVG, lightFill] as const,
      { timeout: 30_000 },
    );
    expect(await visibleDiagramSvgs(page).count()).toBe(doc.mermaidFences);
    expect(await firstNodeFill(page)).not.toBe(lightFill);
    expect(describeProblems(doc.file, problems)).toBe(`${doc.file}: no problems`);
    await page.close();
  });

  it('keeps a wide diagram readable on a phone: at 60 % of its size or more, scrolling sideways, not the page', async () => {
    const { page } = await openPage(e2e.browser, e2e.site.url('/running-locally'));
    const measure = () =>
      page
        .locator('[data-diagram]')
        .first()
        .evaluate((region) => {
          const svg = region.querySelector('svg')!;
          return {
            scale: svg.getBoundingClientRect().width / svg.viewBox.baseVal.width,
            scrolls: region.scrollWidth > region.clientWidth,
            focusable: (region as HTMLElement).tabIndex === 0,
            pageScrolls: document.documentElement.scrollWidth > window.innerWidth,
          };
        });
    await page.setViewportSize({ width: 390, height: 844 });
    const phone = await measure();
    expect(phone.scale).toBeGreaterThanOrEqual(0.59);
    expect(phone).toMatchObject({ scrolls: true, focusable: true, pageScrolls: false });

    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await measure()).toMatchObject({ scrolls: false, pageScrolls: false });
    await page.close();
  });

  it("shows a laptop's words, never a workshop's (:::only blocks)", async () => {
    const { page } = await openPage(e2e.browser, e2e.site.url('/running-locally'));
    const article = page.locator('article');
    await page.waitForLoadState('networkidle'); // hydrated: the page knows where it runs
    const text = await article.innerText();
    expect(text).toContain('The first start asks for your pull secret');
    expect(text).not.toContain('In this workshop the cluster is already running');
    await page.close();
  });

  it("names each step once, in its toolbar, and not again in its code block's title bar", async () => {
    const { page } = await openPage(e2e.browser, e2e.site.url('/split-deployment'));
    const steps = page.locator('[data-step-id]');
    expect(await steps.count()).toBeGreaterThan(3);
    expect(await page.locator('[data-step-id] [data-step-title]').allInnerTexts()).toContain(
      'enable skupper',
    );
    expect(await page.locator('[data-step-id] [class*="codeBlockTitle"]').count()).toBe(0);
    await page.close();
  });

  it('finds "skupper" with the offline search box in the navbar', async () => {
    const { page, problems } = await openPage(e2e.browser, e2e.site.url('/'));
    expect(await page.locator('input.navbar__search-input').count(), describeProblems('/', problems)).toBe(1);
    await page.locator('input.navbar__search-input').click();
    await page.locator('input.navbar__search-input').pressSequentially('skupper', { delay: 30 });
    const hits = page.locator('[role="option"]');
    await hits.first().waitFor({ timeout: 30_000 });
    const texts = await hits.allInnerTexts();
    expect(texts.some((text) => /skupper/i.test(text))).toBe(true);

    // Choosing a hit opens the page it was found on.
    await hits.first().click();
    await page.waitForURL((url) => url.pathname !== '/' || url.hash !== '', { timeout: 30_000 });
    expect(await page.locator('article').innerText()).toMatch(/skupper/i);
    expect(describeProblems('search', problems)).toBe('search: no problems');
    expect(e2e.browser.offHostRequests).toEqual([]);
    await page.close();
  });
});
