/**
 * axe-core over every page a reader or a presenter can open: each page of the sitemap and each
 * page's deck (/present/<page>), in light and in dark mode, on the published site (`npm run serve`)
 * and on `npm run live` (connected: step controls shown, and once with the terminal dock open).
 * Any serious or critical violation fails, with the rule, the nodes and axe's reason.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './support/siteAndBrowser';
import { auditPage, describeFindings, isBlocking } from './support/axe';
import { type BrowserSession } from './support/browser';
import { liveUrl, startLiveInScratchHome } from './support/liveShells';
import { BUILD_DIR, BUILD_HOOK_TIMEOUT_MS, liveAvailability, serveSite, sitemapPaths } from './support/site';

const COLOR_MODES = ['light', 'dark'] as const;
type ColorMode = (typeof COLOR_MODES)[number];
const DECK_PREFIX = '/present';
/** A step that touches no cluster (`rm -f ~/secret.token`, in the scratch HOME): running it opens the dock. */
const DOCK_PAGE = '/clean-up';
const DOCK_STEP = 'clean-up/delete-the-token';

interface Audit {
  /** Site paths: every reader page of the sitemap, then every deck. */
  pages: string[];
  open(sitePath: string, mode: ColorMode): Promise<Page>;
}

/** Every page of the sitemap, then every deck the build has (one per doc page: `/present`, `/present/<page>`). */
async function readerAndDeckPaths(): Promise<string[]> {
  const readerPaths = await sitemapPaths();
  const decks = (await readdir(path.join(BUILD_DIR, 'present'), { withFileTypes: true }))
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${DECK_PREFIX}/${entry.name}`);
  return [...readerPaths, DECK_PREFIX, ...decks];
}

async function openIn(browser: BrowserSession, url: string, mode: ColorMode): Promise<Page> {
  const page = await browser.context.newPage();
  await page.emulateMedia({ colorScheme: mode });
  await page.goto(url, { waitUntil: 'networkidle' });
  // Docusaurus follows prefers-color-scheme: the audit must see the mode it claims to.
  await page.waitForSelector(`html[data-theme="${mode}"]`);
  if (new URL(url).pathname.startsWith(DECK_PREFIX)) {
    await page.waitForSelector('[data-presenter-view]:not([data-presenter-view="pending"])', {
      state: 'attached',
    });
  }
  return page;
}

/** The findings of one page in one mode; for a deck, of its first slide and of its first step's slide. */
async function auditOne(page: Page, where: string): Promise<string[]> {
  const findings = (await auditPage(page)).filter(isBlocking);
  const lines = describeFindings(where, findings);
  if (!new URL(page.url()).pathname.startsWith(DECK_PREFIX)) return lines;
  const count = Number(await page.locator('[data-presenter-view]').getAttribute('data-slide-count'));
  for (let index = 1; index < count; index += 1) {
    if (await page.locator('#rw-deck-content [data-step-id]').first().isVisible()) break;
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector(`[data-presenter-view][data-slide-index="${index}"]`, { state: 'attached' });
  }
  const onStep = (await auditPage(page)).filter(isBlocking);
  return [...lines, ...describeFindings(`${where} (slide with a step)`, onStep)];
}

async function auditAll(audit: Audit): Promise<string[]> {
  const failures: string[] = [];
  for (const mode of COLOR_MODES) {
    for (const sitePath of audit.pages) {
      const page = await audit.open(sitePath, mode);
      failures.push(...(await auditOne(page, `${sitePath} (${mode})`)));
      await page.close();
    }
  }
  return failures;
}

describe('accessibility of the published site (npm run serve), axe-core', () => {
  const e2e = useSiteAndBrowser(() => serveSite());
  let pages: string[];

  beforeAll(async () => {
    pages = await readerAndDeckPaths();
  }, BUILD_HOOK_TIMEOUT_MS);

  it('has no serious or critical violation on any page or deck, light or dark', async () => {
    expect(pages.length).toBeGreaterThan(2);
    const failures = await auditAll({
      pages,
      open: (sitePath, mode) => openIn(e2e.browser, e2e.site.url(sitePath), mode),
    });
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);
});

const availability = liveAvailability();

describe.skipIf(!availability.available)('accessibility of `npm run live`, axe-core', () => {
  const e2e = useSiteAndBrowser(() => startLiveInScratchHome({ fakes: true }));
  let pages: string[];

  beforeAll(async () => {
    pages = await readerAndDeckPaths();
  }, BUILD_HOOK_TIMEOUT_MS);

  async function openConnected(sitePath: string, mode: ColorMode): Promise<Page> {
    const page = await openIn(e2e.browser, liveUrl(e2e.site, sitePath), mode);
    if (!sitePath.startsWith(DECK_PREFIX)) {
      await page.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
    }
    return page;
  }

  it('has no serious or critical violation on any connected page or deck, light or dark', async () => {
    const failures = await auditAll({ pages, open: openConnected });
    expect(failures, failures.join('\n')).toEqual([]);
  }, 600_000);

  it('has none with the terminal dock open after a Run, light or dark', async () => {
    const failures: string[] = [];
    for (const mode of COLOR_MODES) {
      const page = await openConnected(DOCK_PAGE, mode);
      const step = page.locator(`[data-step-id="${DOCK_STEP}"]`);
      await step.getByRole('toolbar').getByRole('button', { name: 'Run', exact: true }).click();
      await page.locator('[role="tabpanel"][data-terminal] .xterm-rows').first().waitFor();
      await page.waitForSelector(`[data-step-id="${DOCK_STEP}"][data-step-state="passed"]`);
      failures.push(...(await auditOne(page, `${DOCK_PAGE} with the dock open (${mode})`)));
      await page.close();
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});
