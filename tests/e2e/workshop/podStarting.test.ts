/**
 * In real Chromium, an attendee of a workshop on Kubernetes whose pod is not Ready yet: the page's
 * status line says "Starting your workspace… n s" with a count that grows, then the terminal
 * connects without a reload and a step runs in the pod. A pod that cannot start (its image cannot
 * be pulled) is told to the page in words, not as an endless spinner. The cluster is the simulated
 * API server, a TEST DOUBLE (tests/kubernetes/simulatedApi/README.md): no cluster can run here; the
 * workshop server is the real `npm run workshop -- --provider kubernetes` reaching it via $KUBECONFIG.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSimulatedCluster, type SimulatedCluster } from '../../kubernetes/simulatedApi/apiServer';
import { writeKubeConfig } from '../../kubernetes/simulatedApi/kubeConfig';
import { runCli, type CliRun } from '../../server/helpers/cliProcess';
import { stepButton, waitForStepState } from '../runner/support';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { BUILD_DIR, BUILD_HOOK_TIMEOUT_MS, ensureSiteBuilt } from '../support/build';
import { freePort } from '../support/processes';
import { workshopDataDir } from './support';

const data = workshopDataDir();
let cluster: SimulatedCluster;
let run: CliRun | undefined;
let joinUrl: string;
const browsers: BrowserSession[] = [];

beforeAll(async () => {
  await ensureSiteBuilt();
  cluster = await startSimulatedCluster();
  const kubeconfig = path.join(path.dirname(data.dir), 'kubeconfig');
  writeKubeConfig(cluster, kubeconfig);
  run = runCli(
    [
      'workshop',
      '--provider',
      'kubernetes',
      '--image',
      'runnable-walkthrough/terminal:test',
      '--port',
      String(await freePort()),
      '--dir',
      BUILD_DIR,
      '--data-dir',
      data.dir,
    ],
    { KUBECONFIG: kubeconfig },
  );
  joinUrl = (await run.waitForLine(/^join: /, 120_000)).slice('join: '.length);
}, BUILD_HOOK_TIMEOUT_MS);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  if (run && run.child.exitCode === null && run.child.signalCode === null) {
    run.signalGroup('SIGTERM');
    await run.exited;
  }
  await cluster?.close();
  data.remove();
}, 120_000);

async function join(name: string): Promise<Page> {
  const browser = await launchBrowser();
  browsers.push(browser);
  const page = await browser.context.newPage();
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/join'));
  return page;
}

const status = (page: Page) => page.locator('[role="status"][data-connection]');

/** The seconds the status line shows, or null while it shows something else. */
async function secondsShown(page: Page): Promise<number | null> {
  const match = /^Starting your workspace… (\d+) s$/.exec((await status(page).innerText()).trim());
  return match ? Number(match[1]) : null;
}

describe('an attendee whose workspace pod is still starting', () => {
  it('sees "Starting your workspace… n s" count up, then a live terminal, without a reload', async () => {
    // The pod stays Pending until the page has shown the count move: a busy machine loads pages slowly.
    let release = () => {};
    cluster.kubelet.imagePull = { ms: 0, until: new Promise<void>((resolve) => (release = resolve)) };
    const page = await join('Patient Pat');
    const loaded = await page.evaluate(() => performance.timeOrigin);
    await status(page).and(page.locator('[data-connection="starting"]')).waitFor({ timeout: 90_000 });
    let first: number | null = null;
    await expect.poll(async () => (first = await secondsShown(page))).not.toBeNull();
    await expect
      .poll(async () => (await secondsShown(page)) ?? -1, { timeout: 20_000 })
      .toBeGreaterThan(first!);
    const stepId = await page.locator('[data-step-id]').first().getAttribute('data-step-id');
    await expect
      .poll(() => page.locator(`[data-step-id="${stepId}"] [data-notice="workspace-starting"]`).count())
      .toBe(1);

    release();
    await page.locator('[role="status"][data-connection="connected"]').waitFor({ timeout: 90_000 });
    expect(await page.evaluate(() => performance.timeOrigin)).toBe(loaded);
    await stepButton(page, stepId!, 'Run').click();
    expect(await waitForStepState(page, stepId!, ['passed', 'failed'], 60_000)).toBeTruthy();
    await expect.poll(() => page.locator('[role="tabpanel"] .xterm-rows').first().innerText()).toMatch(/\S/);
  }, 240_000);

  it('is told in words when the pod cannot start, and what to do', async () => {
    cluster.kubelet.imagePull = { ms: 3_000, error: 'pull access denied for nosuch/terminal' };
    const page = await join('Unlucky Una');
    await page.locator('[role="status"][data-connection="unavailable"]').waitFor({ timeout: 60_000 });
    expect(await status(page).innerText()).toContain('Your workspace could not start');
    const notice = page.locator('[data-notice="workspace-unavailable"]').first();
    await expect
      .poll(() => notice.innerText())
      .toMatch(/ErrImagePull.*pull access denied for nosuch\/terminal/);
    expect(await notice.innerText()).toContain('Tell the instructor, then reload the page');
  }, 180_000);
});
