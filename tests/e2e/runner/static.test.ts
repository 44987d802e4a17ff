/**
 * The published site: `npm run build` served with no terminal server (`npm run serve`). Steps
 * keep Copy and their recorded output; Run is not dead (it says how to start the live version);
 * a recorded output replays into a read-only terminal; nothing logs an error.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { describeProblems, openPage, type PageProblems } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, serveSite } from '../support/site';
import { describeScripts, firstLoadBytes, kib, recordScripts } from '../support/scripts';
import { terminalText } from '../support/liveShells';
import { stepButton, stepLocator } from './support';

const START = 'running-locally/start-openshift-local';
const PODS = 'running-locally/have-a-look-at-the-created-pods';

describe('a step on the static site (no terminal server)', () => {
  const e2e = useSiteAndBrowser(() => serveSite());
  let page: Page;
  let problems: PageProblems;

  beforeAll(async () => {
    await e2e.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: e2e.site.origin,
    });
    ({ page, problems } = await openPage(e2e.browser, e2e.site.url('/running-locally')));
  }, BUILD_HOOK_TIMEOUT_MS);

  it('says Run needs the live version, in one line, and Run explains itself when pressed', async () => {
    const step = stepLocator(page, START);
    const run = stepButton(page, START, 'Run');
    expect(await run.getAttribute('aria-disabled')).toBe('true');
    const hint = step.locator('[data-notice="no-server"]');
    expect(await hint.innerText()).toContain('npm install && npm start');
    const describedBy = await run.getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    // aria-disabled, not disabled: it stays focusable and clickable, and explains itself.
    await run.click({ force: true });
    expect(await step.getAttribute('data-step-state')).toBe('idle');
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toContain('npm install && npm start');
  });

  it('copies the command, without its prompt, to the clipboard', async () => {
    await stepButton(page, PODS, 'Copy').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('oc get pod -n hello-world');
  });

  it('keeps the recorded output beside the step, and replays it into a read-only terminal', async () => {
    const step = stepLocator(page, PODS);
    const details = step.locator('details').first();
    await details.locator('summary').click();
    expect(await details.innerText()).toContain('Running');
    await step.getByRole('button', { name: 'Replay recorded output in a terminal' }).click();
    await expect
      .poll(() => terminalText(page, 'recorded'), { timeout: 15_000 })
      .toContain('end of recording');
    expect(await terminalText(page, 'recorded')).toContain('Running');
    expect(await page.locator('[data-connection]').first().getAttribute('data-connection')).toBe('no-server');
  });

  it('loads no xterm code with the page, and loads it once something is replayed (sizes printed)', async () => {
    const fresh = await e2e.browser.context.newPage();
    const scripts = recordScripts(fresh);
    await fresh.goto(e2e.site.url('/running-locally'), { waitUntil: 'networkidle' });
    // Everything the page loads by itself, hydration and its route chunks included, is "first load".
    await fresh.waitForSelector('html[data-has-hydrated="true"]');
    await fresh.waitForLoadState('networkidle');
    const firstLoad = await scripts();
    console.log(describeScripts('/running-locally, first load', firstLoad));
    expect(firstLoad.filter((script) => script.xtermMarkers.length > 0).map((script) => script.url)).toEqual(
      [],
    );
    expect(firstLoadBytes(firstLoad)).toBeGreaterThan(0);

    await stepLocator(fresh, PODS)
      .getByRole('button', { name: 'Replay recorded output in a terminal' })
      .click();
    await expect.poll(() => terminalText(fresh, 'recorded'), { timeout: 15_000 }).toContain('Running');
    const later = (await scripts()).filter((script) => !firstLoad.some((first) => first.url === script.url));
    console.log(describeScripts('/running-locally, loaded on Replay', later));
    const xterm = later.filter((script) => script.xtermMarkers.length > 0);
    expect(xterm.length).toBeGreaterThan(0);
    console.log(
      `xterm arrives on first need: ${kib(xterm.reduce((sum, script) => sum + script.gzipBytes, 0))} gzipped`,
    );
    await fresh.close();
  });

  it('has logged no console error, page error or failed request', () => {
    expect(describeProblems('/running-locally', problems)).toBe('/running-locally: no problems');
  });
});
