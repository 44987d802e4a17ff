/**
 * Page variables, on the split-deployment page, against `npm run live` with the
 * simulated `crc`/`oc`/`skupper` of tests/fakes (test doubles: no cluster exists here).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openConnectedPage, waitForTerminalText } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator, waitForStepState } from './support';

const availability = liveAvailability();
const ARO_LOGIN = 'split-deployment/log-in-to-aro-and-create-context';
const ARO_URL = 'https://api.e2e-variables.example:6443/';

describe.skipIf(!availability.available)('page variables (npm run live)', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: true }));
  let page: Page;

  beforeAll(async () => {
    await e2e.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: e2e.site.origin,
    });
    ({ page } = await openConnectedPage(e2e.browser, e2e.site, '/split-deployment'));
  }, BUILD_HOOK_TIMEOUT_MS);

  it('disables Run while a variable the step uses has no value, and says which', async () => {
    expect(await stepButton(page, ARO_LOGIN, 'Run').getAttribute('aria-disabled')).toBe('true');
    const reason = stepLocator(page, ARO_LOGIN).locator('[data-notice="unset-variables"]');
    expect(await reason.innerText()).toContain('ARO_API_URL');
  });

  it('puts the value into the copied text and into the command it runs', async () => {
    await page.getByLabel(/ARO_API_URL/).fill(ARO_URL);
    expect(await stepButton(page, ARO_LOGIN, 'Run').getAttribute('aria-disabled')).toBe('false');

    await stepButton(page, ARO_LOGIN, 'Copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain(`oc login -u kubeadmin "${ARO_URL}"`);
    expect(copied).not.toContain('ARO_API_URL');

    await stepButton(page, ARO_LOGIN, 'Run').click();
    // The simulated ARO asks for the kubeadmin password, as the real one does.
    await waitForStepState(page, ARO_LOGIN, ['waiting-input']);
    await page.keyboard.type('any-password');
    await page.keyboard.press('Enter');
    expect(await waitForStepState(page, ARO_LOGIN, ['passed', 'failed'])).toBe('passed');
    await waitForTerminalText(page, 'north', `oc login -u kubeadmin "${ARO_URL}"`);
    await waitForTerminalText(page, 'north', 'Login successful.');
  });

  it('shows which cluster a step targets, from its `oc config use-context`', async () => {
    const badges = (stepId: string) => stepLocator(page, stepId).locator('[data-cluster]').allInnerTexts();
    expect(await badges('split-deployment/enable-skupper')).toEqual(['north · ARO']);
    expect(await badges('split-deployment/enable-skupper-2')).toEqual(['south · local']);
  });

  it('keeps the value for the next visit', async () => {
    await page.reload({ waitUntil: 'networkidle' });
    await expect.poll(() => page.getByLabel(/ARO_API_URL/).inputValue()).toBe(ARO_URL);
  });
});
