/**
 * The per-start token, from the page's side: a stale token (the server was restarted) is refused
 * and the page says what to do; opening the URL the start command printed, in another tab, brings
 * the first tab back too. Against `npm run live` (same origin: the fragment carries only the token).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { liveUrl } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability, type LiveSite } from '../support/site';
import { startRunnerSite, stepButton, stepLocator } from './support';

const availability = liveAvailability();
const NAMESPACE = 'running-locally/create-a-project-namespace';

describe.skipIf(!availability.available)('the per-start token (npm run live)', () => {
  let live: LiveSite;
  let browser: BrowserSession;

  beforeAll(async () => {
    live = await startRunnerSite({ fakes: false });
    browser = await launchBrowser();
  }, BUILD_HOOK_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await live?.close();
  });

  it('says a stale token was refused and how to get a fresh one; a new tab with the printed URL fixes every tab', async () => {
    const stale = await browser.context.newPage();
    await stale.goto(`${live.origin}running-locally#rw-token=from-an-earlier-start`, {
      waitUntil: 'networkidle',
    });
    await expect.poll(() => stale.url()).not.toContain('rw-token');
    await stale.locator('[data-connection="refused"]').first().waitFor({ timeout: 30_000 });
    expect(await stepLocator(stale, NAMESPACE).locator('[data-notice="refused"]').innerText()).toContain(
      'open the URL that npm start printed',
    );
    expect(await stepButton(stale, NAMESPACE, 'Run').getAttribute('aria-disabled')).toBe('true');

    const fresh = await browser.context.newPage();
    await fresh.goto(liveUrl(live, '/running-locally'), { waitUntil: 'networkidle' });
    await fresh.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
    // The first tab hears of the new token through localStorage and connects without a reload.
    await stale.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
    expect(await stepButton(stale, NAMESPACE, 'Run').getAttribute('aria-disabled')).toBe('false');
  });
});
