/**
 * Busy terminals, Stop, "Run all to here", progress and its reset, on the running-locally page,
 * against `npm run live` with the simulated `crc`/`oc` of tests/fakes (test doubles: no cluster here).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openConnectedPage } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator, waitForStepState } from './support';

const availability = liveAvailability();
const START = 'running-locally/start-openshift-local';
const LOGIN = 'running-locally/log-in-as-admin';
const NAMESPACE = 'running-locally/create-a-project-namespace';
const FRONTEND = 'running-locally/deploy-the-front-end-image-within-the-created-project-namespace';
// The page's last step that is not a background one: when it has passed, the page is finished.
const PODS = 'running-locally/have-a-look-at-the-created-pods';

describe.skipIf(!availability.available)('running many steps (npm run live, simulated clusters)', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: true }));
  let page: Page;

  beforeAll(async () => {
    ({ page } = await openConnectedPage(e2e.browser, e2e.site, '/running-locally'));
    page.on('dialog', (dialog) => void dialog.accept());
  }, BUILD_HOOK_TIMEOUT_MS);

  it('stops a step that waits for input', async () => {
    await stepButton(page, START, 'Run').click();
    await waitForStepState(page, START, ['waiting-input']);
    await stepButton(page, START, 'Stop').click();
    expect(await waitForStepState(page, START, ['interrupted', 'failed', 'passed'])).toBe('interrupted');
  });

  it('asks whether to wait or interrupt when Run targets a busy terminal, and never interleaves', async () => {
    await stepButton(page, START, 'Run').click();
    await waitForStepState(page, START, ['waiting-input']);
    await stepButton(page, LOGIN, 'Run').click();
    const question = stepLocator(page, LOGIN).getByRole('alert');
    expect(await question.innerText()).toContain('is still running another step');
    expect(await stepLocator(page, LOGIN).getAttribute('data-step-state')).toBe('idle');

    await question.getByRole('button', { name: 'Cancel' }).click();
    expect(await stepLocator(page, LOGIN).getByRole('alert').count()).toBe(0);
    expect(await stepLocator(page, START).getAttribute('data-step-state')).toBe('waiting-input');

    await stepButton(page, LOGIN, 'Run').click();
    await stepLocator(page, LOGIN).getByRole('button', { name: 'Interrupt, then run' }).click();
    expect(await waitForStepState(page, START, ['interrupted'])).toBe('interrupted');
    expect(await waitForStepState(page, LOGIN, ['passed', 'failed'])).toMatch(/passed|failed/);
  });

  it('runs all steps up to one in order, with a progress bar, and marks the page finished', async () => {
    await stepButton(page, PODS, 'Run all to here').click();
    const progress = stepLocator(page, PODS).getByRole('progressbar', { name: 'Run all to here' });
    await progress.waitFor();
    // `crc start` asks for the pull secret the first time; the run waits for the answer.
    await waitForStepState(page, START, ['waiting-input'], 60_000);
    await page.keyboard.type('{"auths":{}}');
    await page.keyboard.press('Enter');
    expect(await waitForStepState(page, PODS, ['passed', 'failed'], 90_000)).toBe('passed');
    await expect.poll(() => stepLocator(page, PODS).innerText()).toMatch(/all \d+ steps passed/);
    for (const stepId of [START, LOGIN, NAMESPACE, FRONTEND]) {
      expect(await stepLocator(page, stepId).getAttribute('data-step-state')).toBe('passed');
    }
    await expect
      .poll(() => page.locator('.menu__link[href="/running-locally"]').getAttribute('data-page-finished'))
      .toBe('true');
  });

  it('forgets the page’s progress on Reset progress', async () => {
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect.poll(() => stepLocator(page, PODS).getAttribute('data-step-state')).toBe('idle');
    expect(
      await page.locator('.menu__link[href="/running-locally"]').getAttribute('data-page-finished'),
    ).toBeNull();
  });

  it('stops "run all" at the first step that fails', async () => {
    // The namespace exists by now, so its step fails (AlreadyExists) and nothing after it runs.
    await stepButton(page, PODS, 'Run all to here').click();
    expect(await waitForStepState(page, NAMESPACE, ['failed', 'passed'], 60_000)).toBe('failed');
    await expect.poll(() => stepLocator(page, PODS).innerText()).toMatch(/stopped at step 3 of \d+/);
    expect(await stepLocator(page, FRONTEND).getAttribute('data-step-state')).toBe('idle');
    expect(await stepLocator(page, PODS).getAttribute('data-step-state')).toBe('idle');
  });
});
