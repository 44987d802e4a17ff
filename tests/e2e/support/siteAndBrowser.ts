/**
 * The set-up most browser tests share: a site (`npm run live`, `npm run serve`, or a scratch
 * build) and a real Chromium, started before a describe block's tests and closed after them, the
 * browser first, also when a test or the start itself failed. Call it inside the `describe`.
 */
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, type BrowserSession, type LaunchOptions } from './browser';
import { BUILD_HOOK_TIMEOUT_MS } from './build';

export interface SiteAndBrowser<S> {
  /** The started site; reading it before the block's first test is a mistake, and says so. */
  readonly site: S;
  readonly browser: BrowserSession;
}

export function useSiteAndBrowser<S extends { close(): Promise<void> }>(
  start: () => Promise<S>,
  browserOptions: LaunchOptions = {},
): SiteAndBrowser<S> {
  let site: S | undefined;
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    site = await start();
    browser = await launchBrowser(browserOptions);
  }, BUILD_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get site() {
      if (!site) throw new Error('the site is not started: it starts in this describe block’s beforeAll');
      return site;
    },
    get browser() {
      if (!browser) throw new Error('no browser: it is launched in this describe block’s beforeAll');
      return browser;
    },
  };
}
