/**
 * Code blocks on the published site: coloured by a stylesheet in both colour modes, hydrated from
 * the tokens the server drew (no Prism in the browser on a first load), and highlighted by the real
 * Prism on a page reached by client-side navigation.
 */
import type { Page, Response } from 'playwright-core';
import type { PrismTheme } from 'prism-react-renderer';
import { describe, expect, it } from 'vitest';
import { DARK_CODE_THEME, LIGHT_CODE_THEME } from '../../src/plugins/codeColors';
import { describeProblems, hasProblems, openPage } from './support/browser';
import { useSiteAndBrowser } from './support/siteAndBrowser';
import { serveSite } from './support/site';

/** The authoring guide's page with a YAML block: its keys are `atrule` tokens. */
const YAML_PAGE = '/authoring/variables-and-rehearsal';
/** A walkthrough page: its steps are `bash` blocks. */
const BASH_PAGE = '/running-locally';
/** A page without that block, linking to it from the sidebar. */
const OTHER_PAGE = '/authoring/steps';
/**
 * Notes, from the first parsed byte, every code block the page takes out of the document: hydration
 * that rebuilds a block takes the server's out. (A string: the test runner's helpers are not in the page.)
 */
const WATCH_REMOVED_BLOCKS = `
  window.removedCodeBlocks = [];
  new MutationObserver((records) => {
    for (const record of records) for (const node of record.removedNodes) {
      if (node.nodeType !== 1) continue;
      const block = node.matches('pre, .theme-code-block') ? node : node.querySelector('pre, .theme-code-block');
      if (block) window.removedCodeBlocks.push(block.textContent.slice(0, 60));
    }
  }).observe(document, { childList: true, subtree: true });
`;
/** Text only Prism's bundled grammars contain: a script that has it is Prism. */
const PRISM_GRAMMAR = /languages\.yml\s*=/;

/** The colour the theme gives a token type in a language, as the browser reports colours. */
function themeColour(theme: PrismTheme, type: string, language: string): string {
  const entry = theme.styles
    .filter((style) => style.types.includes(type) && (!style.languages || style.languages.includes(language)))
    .filter((style) => style.style.color !== undefined)
    .at(-1);
  const hex = entry?.style.color ?? theme.plain.color ?? '';
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

interface PrismWatch {
  /** Whether a script the tab received so far was Prism (once every body has been read). */
  sawPrism(): Promise<boolean>;
}

function watchForPrism(page: Page): PrismWatch {
  const verdicts: Array<Promise<boolean>> = [];
  page.on('response', (response: Response) => {
    if (!response.url().endsWith('.js')) return;
    verdicts.push(
      response.text().then(
        (body) => PRISM_GRAMMAR.test(body),
        () => false,
      ),
    );
  });
  return { sawPrism: async () => (await Promise.all(verdicts)).some(Boolean) };
}

describe('code blocks on the published site', () => {
  const e2e = useSiteAndBrowser(() => serveSite());

  it.each([
    ['light', LIGHT_CODE_THEME],
    ['dark', DARK_CODE_THEME],
  ] as const)(
    'are coloured as the %s prism theme says, by the stylesheet, with no inline colour',
    async (mode, theme) => {
      const { page, problems } = await openPage(e2e.browser, e2e.site.url(YAML_PAGE), {
        beforeNavigate: (tab) => tab.emulateMedia({ colorScheme: mode }),
      });
      await page.waitForSelector(`html[data-theme="${mode}"][data-has-hydrated="true"]`);
      const key = page.locator('pre.language-yaml .token.atrule').first();
      expect(await key.evaluate((token) => getComputedStyle(token).color)).toBe(
        themeColour(theme, 'atrule', 'yaml'),
      );
      const block = page.locator('pre.language-yaml').first();
      expect(await block.evaluate((pre) => getComputedStyle(pre).backgroundColor)).toBe(
        themeColour({ ...theme, plain: { color: theme.plain.backgroundColor } }, 'none', 'yaml'),
      );
      expect(await page.locator('pre.prism-code [style*="color"]').count()).toBe(0);
      expect(hasProblems(problems), describeProblems(YAML_PAGE, problems)).toBe(false);
      await page.close();
    },
  );

  /** Opens `sitePath` as a first-time reader, watching for Prism, once the page has hydrated. */
  async function openWatched(sitePath: string) {
    let watch: PrismWatch | undefined;
    const opened = await openPage(e2e.browser, e2e.site.url(sitePath), {
      disableCache: true,
      beforeNavigate: (tab) => void (watch = watchForPrism(tab)),
    });
    await opened.page.waitForSelector('html[data-has-hydrated="true"]');
    return { ...opened, watch: watch! };
  }

  it('hydrate from the tokens in the page: a first load fetches no Prism', async () => {
    const { page, problems, watch } = await openWatched(YAML_PAGE);
    expect(await page.locator('pre.language-yaml .token.atrule').count()).toBeGreaterThan(0);
    expect(await watch.sawPrism()).toBe(false);
    expect(hasProblems(problems), describeProblems(YAML_PAGE, problems)).toBe(false);
    await page.close();
  });

  it('highlight shell, which Prism bundles no grammar for: the server draws it, the page fetches no Prism', async () => {
    const { page, problems, watch } = await openWatched(BASH_PAGE);
    // `oc login -u kubeadmin …`: its flag is a parameter, `eval` a builtin, `$(…)` a variable.
    expect(await page.locator('pre.language-bash .token.parameter').count()).toBeGreaterThan(0);
    expect(await page.locator('pre.language-bash .token.builtin').count()).toBeGreaterThan(0);
    expect(await watch.sawPrism()).toBe(false);
    expect(hasProblems(problems), describeProblems(BASH_PAGE, problems)).toBe(false);
    await page.close();
  });

  it('keep the blocks the server drew: hydration rebuilds none, recorded outputs included', async () => {
    const { page, problems } = await openPage(e2e.browser, e2e.site.url(BASH_PAGE), {
      beforeNavigate: async (tab) => {
        await tab.addInitScript({ content: WATCH_REMOVED_BLOCKS });
      },
    });
    await page.waitForSelector('html[data-has-hydrated="true"]');
    expect(await page.locator('[data-recorded-output] pre').count()).toBeGreaterThan(0);
    // The theme's own blocks are mounted again once the page knows it runs in a browser: by the time
    // the page is quiet, that would have happened.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => setTimeout(settled, 0))));
    expect(
      await page.evaluate(() => (window as unknown as { removedCodeBlocks: string[] }).removedCodeBlocks),
    ).toEqual([]);
    expect(hasProblems(problems), describeProblems(BASH_PAGE, problems)).toBe(false);
    await page.close();
  });

  it('offer word wrap on a shown block whose code is wider than it, once the window narrows or it is opened, and wrap it', async () => {
    const { page, problems } = await openPage(e2e.browser, e2e.site.url(BASH_PAGE));
    await page.waitForSelector('html[data-has-hydrated="true"]');
    const wrapButtons = page.locator('button[aria-label="Toggle word wrap"]');
    // Blocks in a closed <details> (recorded outputs) are not laid out, and are not measured either.
    const overflowing = () =>
      page
        .locator('pre.prism-code')
        .evaluateAll(
          (blocks) => blocks.filter((b) => b.checkVisibility() && b.scrollWidth > b.clientWidth).length,
        );
    const offered = async () => (await wrapButtons.count()) === (await overflowing());
    await expect.poll(offered).toBe(true);
    const wide = await wrapButtons.count();
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => wrapButtons.count()).toBeGreaterThan(wide);
    await expect.poll(offered).toBe(true);

    const recorded = page
      .locator('details[data-recorded-output]')
      .filter({ hasText: 'A new version' })
      .first();
    const narrow = await wrapButtons.count();
    await recorded.locator('summary').click();
    await expect.poll(() => wrapButtons.count()).toBe(narrow + 1);

    const block = recorded.locator('.theme-code-block');
    await block.hover();
    await block.locator('button[aria-label="Toggle word wrap"]').click();
    const pre = block.locator('pre.prism-code');
    await expect.poll(() => pre.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
    expect(await pre.locator('code').evaluate((code) => getComputedStyle(code).whiteSpace)).toBe('pre-wrap');
    // Wrapped, it still offers to unwrap.
    expect(await block.locator('button[aria-label="Toggle word wrap"]').count()).toBe(1);
    expect(hasProblems(problems), describeProblems(BASH_PAGE, problems)).toBe(false);
    await page.close();
  });

  it('are highlighted by Prism, loaded then, on a page reached by client-side navigation', async () => {
    const { page, problems, watch } = await openWatched(OTHER_PAGE);
    expect(await watch.sawPrism()).toBe(false);
    await page.locator(`nav a[href="${YAML_PAGE}"]`).first().click();
    await page.waitForURL(`**${YAML_PAGE}`);
    await page.locator('pre.language-yaml .token.atrule').first().waitFor();
    await expect.poll(() => watch.sawPrism()).toBe(true);
    // Shell too, with the grammar the server uses.
    await page.locator(`nav a[href="${BASH_PAGE}"]`).first().click();
    await page.waitForURL(`**${BASH_PAGE}`);
    await page.locator('pre.language-bash .token.parameter').first().waitFor();
    expect(hasProblems(problems), describeProblems(OTHER_PAGE, problems)).toBe(false);
    await page.close();
  });
});
