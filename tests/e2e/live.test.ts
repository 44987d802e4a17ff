import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './support/siteAndBrowser';
import { describeProblems, isLoopbackUrl, openPage } from './support/browser';
import { liveAvailability, startLive } from './support/site';

const availability = liveAvailability();

// What the README promises attendees: `npm run live` after the build prints one URL, and that URL
// opens the walkthrough. The terminals themselves are CLIENT's and TRANSPORT's tests.
describe.skipIf(!availability.available)('`npm run live`, as an attendee starts it', () => {
  const e2e = useSiteAndBrowser(() => startLive());

  it('prints one loopback URL that carries the token in its fragment, never in the path or query', () => {
    const url = new URL(e2e.site.launchUrl);
    expect(isLoopbackUrl(url.href)).toBe(true);
    expect(url.hash.length).toBeGreaterThan(1);
    expect(url.search).toBe('');
  });

  it('opens the walkthrough from that URL with no console error, page error or failed request', async () => {
    const { page, problems } = await openPage(e2e.browser, e2e.site.launchUrl);
    expect(await page.locator('article h1').first().innerText()).not.toBe('');
    expect(describeProblems(e2e.site.launchUrl, problems)).toBe(`${e2e.site.launchUrl}: no problems`);
    await page.close();
  });

  it('stops serving when its process group is stopped', async () => {
    await e2e.site.close();
    await expect(fetch(e2e.site.origin, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
  });
});
