/**
 * The whole walkthrough from the page, as an attendee would run it: on every page with steps, in
 * sidebar order, "Run all to here" on the page's last step, answering the prompts the CLIs ask,
 * against `npm run live` with the simulated `crc`/`oc`/`skupper` of tests/fakes first on PATH
 * (test doubles: no cluster exists here). Every step of every page ends passed.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import type { StepsManifest } from '../../../src/remark/stepModel';
import { loadStepsManifest } from '../../../src/plugins/loadStepsManifest';
import { openPage } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, PROJECT_ROOT, liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator } from './support';

const availability = liveAvailability();
// In the order of the sidebar: later pages build on the clusters the earlier ones set up.
const PAGES = ['running-locally', 'split-deployment', 'backend-failure', 'clean-up'];
const ARO_URL = 'https://api.e2e-walkthrough.example:6443/';
// crc asks for a pull secret (JSON with "auths"); the simulated ARO asks for the kubeadmin password.
const PULL_SECRET = '{"auths":{}}';
const ARO_PASSWORD = 'e2e-aro-password';

describe.skipIf(!availability.available)('the whole walkthrough, run from its pages', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: true }));
  let manifest: StepsManifest;

  beforeAll(async () => {
    const loaded = await loadStepsManifest(path.join(PROJECT_ROOT, 'docs'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    manifest = loaded.manifest;
  }, BUILD_HOOK_TIMEOUT_MS);

  it('has steps on every page it runs, and runs the pages in sidebar order', () => {
    for (const pageId of PAGES) {
      expect(manifest.pages.find((page) => page.pageId === pageId)?.steps.length ?? 0).toBeGreaterThan(0);
    }
  });

  for (const pageId of PAGES) {
    it(`runs every step of /${pageId} to passed with "Run all to here"`, async () => {
      const steps = manifest.pages.find((page) => page.pageId === pageId)?.steps ?? [];
      const foreground = steps.filter((step) => !step.background && !step.norun);
      const last = foreground.at(-1);
      if (!last) throw new Error(`/${pageId} has no step to run`);

      const launch = new URL(e2e.site.launchUrl);
      const { page, problems } = await openPage(
        e2e.browser,
        new URL(`/${pageId}${launch.hash}`, launch).href,
      );
      page.on('dialog', (dialog) => void dialog.accept());
      await page.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
      const aroUrl = page.getByLabel(/ARO_API_URL/);
      if ((await aroUrl.count()) > 0) await aroUrl.fill(ARO_URL);

      // A page of one step has no "Run all to here": Run is the same thing there.
      await stepButton(page, last.id, foreground.length > 1 ? 'Run all to here' : 'Run').click();
      await runToEnd(page, last.id);

      const states = await Promise.all(
        foreground.map(async (step) => [
          step.id,
          await stepLocator(page, step.id).getAttribute('data-step-state'),
        ]),
      );
      expect(Object.fromEntries(states)).toEqual(
        Object.fromEntries(foreground.map((step) => [step.id, 'passed'])),
      );
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      await page.close();
    }, 240_000);
  }
});

/** Waits for the run to reach `lastId`, typing an answer whenever a step waits for input. */
async function runToEnd(page: Page, lastId: string): Promise<void> {
  const deadline = Date.now() + 200_000;
  while (Date.now() < deadline) {
    const state = await stepLocator(page, lastId).getAttribute('data-step-state');
    if (state === 'passed' || state === 'failed' || state === 'interrupted') return;
    const waiting = page.locator('[data-step-state="waiting-input"]');
    if ((await waiting.count()) > 0) {
      const stepId = (await waiting.first().getAttribute('data-step-id')) ?? '';
      // The step put the keyboard in its terminal, as it does for a reader.
      await page.keyboard.type(
        stepId === 'running-locally/start-openshift-local' ? PULL_SECRET : ARO_PASSWORD,
      );
      await page.keyboard.press('Enter');
      // One answer per question: wait until the program has read it before looking again.
      await page
        .locator(`[data-step-id="${stepId}"]:not([data-step-state="waiting-input"])`)
        .waitFor({ timeout: 15_000 });
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`the run never reached ${lastId}`);
}
