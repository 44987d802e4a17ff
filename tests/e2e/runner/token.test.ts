/**
 * The per-start token, from the page's side: a stale token (the server was restarted) is refused
 * and the page says what to do; opening the URL the start command printed, in another tab, brings
 * the first tab back too. Against `npm run live` (same origin: the fragment carries only the token).
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { liveUrl } from '../support/liveShells';
import { liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator } from './support';

const availability = liveAvailability();
const NAMESPACE = 'running-locally/create-a-project-namespace';

describe.skipIf(!availability.available)('the per-start token (npm run live)', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: false }));

  it('says a stale token was refused and how to get a fresh one; a new tab with the printed URL fixes every tab', async () => {
    const stale = await e2e.browser.context.newPage();
    await stale.goto(`${e2e.site.origin}running-locally#rw-token=from-an-earlier-start`, {
      waitUntil: 'networkidle',
    });
    await expect.poll(() => stale.url()).not.toContain('rw-token');
    await stale.locator('[data-connection="refused"]').first().waitFor({ timeout: 30_000 });
    expect(await stepLocator(stale, NAMESPACE).locator('[data-notice="refused"]').innerText()).toContain(
      'open the URL that npm start printed',
    );
    expect(await stepButton(stale, NAMESPACE, 'Run').getAttribute('aria-disabled')).toBe('true');

    const fresh = await e2e.browser.context.newPage();
    await fresh.goto(liveUrl(e2e.site, '/running-locally'), { waitUntil: 'networkidle' });
    await fresh.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
    // The first tab hears of the new token through localStorage and connects without a reload.
    await stale.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
    expect(await stepButton(stale, NAMESPACE, 'Run').getAttribute('aria-disabled')).toBe('false');
  });
});
