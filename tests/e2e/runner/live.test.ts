/**
 * The runner in real Chromium against `npm run live`, on the real walkthrough pages. `crc`, `oc`
 * and `skupper` are the simulated ones of tests/fakes (test doubles: no cluster exists here); the
 * shells, the terminal server, the WebSocket and the page are all real.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { describeProblems, type PageProblems } from '../support/browser';
import { openConnectedPage, terminalText, waitForTerminalText } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability } from '../support/site';
import { count, startRunnerSite, stepButton, stepLocator, waitForStepState } from './support';

const availability = liveAvailability();
const START = 'running-locally/start-openshift-local';
const LOGIN = 'running-locally/log-in-as-admin';
const NAMESPACE = 'running-locally/create-a-project-namespace';
const PORT_FORWARD = 'running-locally/access-the-hello-world-from-localhost-with-a-port-forward';

describe.skipIf(!availability.available)(
  'running steps from the page (npm run live, simulated clusters)',
  () => {
    const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: true }));
    let page: Page;
    let problems: PageProblems;

    beforeAll(async () => {
      ({ page, problems } = await openConnectedPage(e2e.browser, e2e.site, '/running-locally'));
    }, BUILD_HOOK_TIMEOUT_MS);

    it('takes the token out of the address bar once read', () => {
      expect(page.url()).not.toContain('rw-token');
      expect(new URL(page.url()).pathname).toBe('/running-locally');
    });

    it('says when a step waits for input, puts the keyboard in the terminal, and passes once answered', async () => {
      await stepButton(page, START, 'Run').click();
      await waitForStepState(page, START, ['waiting-input']);
      await expect
        .poll(() => stepLocator(page, START).locator('[data-notice="waiting-input"]').count())
        .toBe(1);
      const focusedIn = await page.evaluate(() =>
        document.activeElement?.closest('[data-terminal]')?.getAttribute('data-terminal'),
      );
      expect(focusedIn).toBe('main');
      await page.keyboard.type('{"auths":{}}');
      await page.keyboard.press('Enter');
      expect(await waitForStepState(page, START, ['passed', 'failed'], 60_000)).toBe('passed');
    });

    it('runs a step: its output in the terminal, state passed, exit code 0', async () => {
      // `crc start` left a logged-in kubeconfig, so this login uses it and asks nothing.
      await stepButton(page, LOGIN, 'Run').click();
      expect(await waitForStepState(page, LOGIN, ['passed', 'failed'])).toBe('passed');
      await waitForTerminalText(page, 'main', 'using existing credentials');

      await stepButton(page, NAMESPACE, 'Run').click();
      expect(await waitForStepState(page, NAMESPACE, ['passed', 'failed'])).toBe('passed');
      const step = stepLocator(page, NAMESPACE);
      expect(await step.getAttribute('data-exit-code')).toBe('0');
      await waitForTerminalText(page, 'main', 'namespace/hello-world created');
      await expect.poll(() => step.getByRole('status').first().innerText()).toMatch(/passed/);
      expect(await step.locator('[data-output-matches]').getAttribute('data-output-matches')).toBe('true');
    });

    it('marks a failing step failed with its exit code', async () => {
      // The namespace exists now: the simulated API server answers AlreadyExists, exit 1.
      await stepButton(page, NAMESPACE, 'Run').click();
      expect(await waitForStepState(page, NAMESPACE, ['passed', 'failed'])).toBe('failed');
      expect(await stepLocator(page, NAMESPACE).getAttribute('data-exit-code')).toBe('1');
      expect(await stepLocator(page, NAMESPACE).innerText()).toContain('failed with exit code 1');
    });

    it('stops a long-running (background) step within a second', async () => {
      await stepButton(page, PORT_FORWARD, 'Run').click();
      await waitForStepState(page, PORT_FORWARD, ['running']);
      // Measured in the page, from the click to the state change, so test-harness latency is not counted.
      const elapsed = await page.evaluate(
        (stepId) =>
          new Promise<number>((resolve) => {
            const element = document.querySelector(`[data-step-id="${stepId}"]`)!;
            const started = performance.now();
            new MutationObserver(() => {
              if (element.getAttribute('data-step-state') === 'interrupted')
                resolve(performance.now() - started);
            }).observe(element, { attributes: true, attributeFilter: ['data-step-state'] });
            const stop = [...element.querySelectorAll('button')].find((b) => b.textContent === 'Stop')!;
            stop.click();
          }),
        PORT_FORWARD,
      );
      console.log(`Stop → interrupted in ${Math.round(elapsed)} ms`);
      // Generous, for a busy machine: the figure above is the measure (the bench times it properly).
      expect(elapsed).toBeLessThan(5000);
    });

    it('brings back the same terminal content after a reload, with nothing shown twice', async () => {
      const before = await terminalText(page, 'main');
      expect(count(before, 'namespace/hello-world created')).toBe(1);
      await page.reload({ waitUntil: 'networkidle' });
      await page.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
      const after = await waitForTerminalText(page, 'main', 'namespace/hello-world created');
      expect(count(after, 'namespace/hello-world created')).toBe(1);
      expect(count(after, 'already exists')).toBe(count(before, 'already exists'));
      expect(await stepLocator(page, NAMESPACE).getAttribute('data-step-state')).toBe('failed');
      expect(await stepLocator(page, LOGIN).getAttribute('data-step-state')).toBe('passed');
    });

    it('changes the terminal colours with the site’s dark mode', async () => {
      const background = () =>
        page.evaluate(() => {
          // xterm paints the theme on its scrollable element (background) and its rows (foreground).
          const panel = document.querySelector('[role="tabpanel"][data-terminal="main"]');
          const surface = panel?.querySelector('.xterm-scrollable-element');
          const rows = panel?.querySelector('.xterm-rows');
          if (!surface || !rows) return '';
          return `${getComputedStyle(surface).backgroundColor} / ${getComputedStyle(rows).color}`;
        });
      const light = await background();
      const toggle = page
        .locator('.navbar button[title*="dark" i], .navbar button[aria-label*="dark" i]')
        .first();
      for (
        let i = 0;
        i < 3 && (await page.evaluate(() => document.documentElement.dataset.theme)) !== 'dark';
        i += 1
      ) {
        await toggle.click();
      }
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await expect.poll(background).not.toBe(light);
      console.log(`terminal background: light ${light}, dark ${await background()}`);
    });

    it('has logged no console error and no page error', () => {
      expect(describeProblems('/running-locally', { ...problems, failedRequests: [] })).toBe(
        '/running-locally: no problems',
      );
    });
  },
);
