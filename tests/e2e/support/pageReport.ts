import type { Page } from 'playwright-core';
import { normalizeSpace } from './docs';

export interface ImageReport {
  src: string;
  naturalWidth: number;
}

export interface Admonition {
  kind: string;
  text: string;
}

/**
 * Makes every image load now (Docusaurus marks Markdown images `loading="lazy"`, and a lazy image
 * below the fold has no pixels yet) and reports each one's natural width: 0 means it did not load.
 */
export async function loadImages(page: Page, timeoutMs = 15_000): Promise<ImageReport[]> {
  return page.evaluate(async (timeout) => {
    const images = [...document.images];
    images.forEach((image) => (image.loading = 'eager'));
    const settled = images.map((image) =>
      image.complete
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            image.addEventListener('load', () => resolve(), { once: true });
            image.addEventListener('error', () => resolve(), { once: true });
          }),
    );
    await Promise.race([Promise.all(settled), new Promise((resolve) => setTimeout(resolve, timeout))]);
    return images.map((image) => ({ src: image.currentSrc || image.src, naturalWidth: image.naturalWidth }));
  }, timeoutMs);
}

/** A diagram's SVG (src/components/Diagram: one inline SVG that follows the colour mode). */
export const MERMAID_SVG = '[data-diagram] svg';

/** The diagram SVGs a reader sees (the current colour mode's), in page order. */
export function visibleDiagramSvgs(page: Page) {
  return page.locator(MERMAID_SVG).filter({ visible: true });
}

/** Waits until `expected` mermaid diagrams are shown as SVG; returns how many are. */
export async function waitForMermaid(page: Page, expected: number, timeoutMs = 30_000): Promise<number> {
  if (expected > 0) {
    await page
      .waitForFunction(
        ([selector, count]) =>
          [...document.querySelectorAll(selector)].filter((svg) => svg.checkVisibility()).length >= count,
        [MERMAID_SVG, expected] as const,
        { timeout: timeoutMs },
      )
      // The count below is the finding: a timeout only means fewer diagrams than expected.
      .catch(() => undefined);
  }
  return visibleDiagramSvgs(page).count();
}

export async function pageHeading(page: Page): Promise<string> {
  const heading = page.locator('article h1, main h1').first();
  return (await heading.count()) > 0 ? normalizeSpace(await heading.innerText()) : '';
}

/** Titles of the code blocks on the page, as the reader sees them above each block. */
/** The titles shown above code blocks: a step's in its toolbar, any other block's in its title bar. */
export async function codeBlockTitles(page: Page): Promise<string[]> {
  const titles = await page.locator('[class*="codeBlockTitle"], [data-step-title]').allInnerTexts();
  return titles.map(normalizeSpace);
}

export async function admonitions(page: Page): Promise<Admonition[]> {
  return page.locator('.theme-admonition').evaluateAll((elements) =>
    elements.map((element) => ({
      kind: [...element.classList].find((name) => name.startsWith('theme-admonition-'))?.slice(17) ?? '',
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
    })),
  );
}
