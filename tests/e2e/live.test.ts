import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeProblems,
  isLoopbackUrl,
  launchBrowser,
  openPage,
  type BrowserSession,
} from './support/browser';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability, startLive, type LiveSite } from './support/site';

const availability = liveAvailability();

// What the README promises attendees: `npm run live` after the build prints one URL, and that URL
// opens the walkthrough. The terminals themselves are CLIENT's and TRANSPORT's tests.
describe.skipIf(!availability.available)('`npm run live`, as an attendee starts it', () => {
  let live: LiveSite;
  let browser: BrowserSession;

  beforeAll(async () => {
    live = await startLive();
    browser = await launchBrowser();
  }, BUILD_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('prints one loopback URL that carries the token in its fragment, never in the path or query', () => {
    const url = new URL(live.launchUrl);
    expect(isLoopbackUrl(url.href)).toBe(true);
    expect(url.hash.length).toBeGreaterThan(1);
    expect(url.search).toBe('');
  });

  it('opens the walkthrough from that URL with no console error, page error or failed request', async () => {
    const { page, problems } = await openPage(browser, live.launchUrl);
    expect(await page.locator('article h1').first().innerText()).not.toBe('');
    expect(describeProblems(live.launchUrl, problems)).toBe(`${live.launchUrl}: no problems`);
    await page.close();
  });

  it('stops serving when its process group is stopped', async () => {
    await live.close();
    await expect(fetch(live.origin, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});
