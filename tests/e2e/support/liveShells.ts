/**
 * `npm run live` as the runner's and the presenter's browser tests start it: shells in a scratch
 * HOME (an empty .bashrc) and, when asked, the simulated `crc`/`oc`/`skupper` of tests/fakes first
 * on their PATH (test doubles: no cluster exists here). Also the page-side readers both suites
 * share: a live page opened with the start's token, and a terminal tab's text.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { openPage, type BrowserSession, type OpenedPage } from './browser';
import { PROJECT_ROOT, startLive, type LiveSite } from './site';

export const FAKE_BIN = path.join(PROJECT_ROOT, 'tests', 'fakes', 'bin');

export interface ScratchLiveSite extends LiveSite {
  /** The shells' HOME (and working directory): where a command typed into them would write. */
  home: string;
}

export interface ScratchLiveOptions {
  /** The simulated CLIs first on PATH, keeping their state in a fresh FAKE_CLUSTERS_DIR. */
  fakes: boolean;
  /** With `fakes`: the kubeadmin password the simulated `crc` reports (else it makes one up). */
  crcPassword?: string;
  /** More arguments for `npm run live`, e.g. `['--audience']`. */
  args?: string[];
  /** A build other than the site's own (see scratchSite.ts). */
  buildDir?: string;
}

const SHELL_ENV = ['PATH', 'HOME', 'FAKE_CLUSTERS_DIR', 'FAKE_CRC_KUBEADMIN_PASSWORD'] as const;

export async function startLiveInScratchHome(options: ScratchLiveOptions): Promise<ScratchLiveSite> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'rw-live-e2e-'));
  const home = path.join(work, 'home');
  mkdirSync(home);
  // An empty rc: the shells must not depend on (or hang in) the rc files of whoever runs the tests.
  writeFileSync(path.join(home, '.bashrc'), '');
  const saved = SHELL_ENV.map((name) => [name, process.env[name]] as const);
  process.env.HOME = home;
  if (options.fakes) {
    process.env.PATH = `${FAKE_BIN}${path.delimiter}${process.env.PATH ?? ''}`;
    process.env.FAKE_CLUSTERS_DIR = mkdtempSync(path.join(os.tmpdir(), 'rw-fake-clusters-'));
    if (options.crcPassword !== undefined) process.env.FAKE_CRC_KUBEADMIN_PASSWORD = options.crcPassword;
  }
  try {
    return { ...(await startLive(['--cwd', home, ...(options.args ?? [])], options.buildDir)), home };
  } finally {
    // The server's shells inherited the environment at spawn; the test process gets its own back.
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** The address of a page of the live site, carrying the start's token the way the printed URL does. */
export function liveUrl(live: LiveSite, pathname: string): string {
  const launch = new URL(live.launchUrl);
  return new URL(`${pathname}${launch.hash}`, launch).href;
}

/** Opens a page of the live site with the start's token and waits until it is connected. */
export async function openConnectedPage(
  browser: BrowserSession,
  live: LiveSite,
  pathname: string,
): Promise<OpenedPage> {
  const opened = await openPage(browser, liveUrl(live, pathname));
  await opened.page.locator('[data-connection="connected"]').first().waitFor({ timeout: 20_000 });
  return opened;
}

/** The visible rows of a terminal tab, as text (xterm's DOM renderer draws them as DOM). */
export async function terminalText(page: Page, terminal: string): Promise<string> {
  const rows = page.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm-rows`);
  if ((await rows.count()) === 0) return '';
  const text = await rows.first().evaluate((element) => (element as HTMLElement).innerText);
  return text.replace(/\u00a0/g, ' ');
}

export async function waitForTerminalText(
  page: Page,
  terminal: string,
  text: string,
  timeoutMs = 20_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  while (Date.now() < deadline) {
    seen = await terminalText(page, terminal);
    if (seen.includes(text)) return seen;
    await page.waitForTimeout(100);
  }
  throw new Error(`terminal "${terminal}" never showed "${text}"; it shows:\n${seen}`);
}

/**
 * Clicks the step's Run and waits for this run's end. A step that passed before is "passed" the
 * moment Run is clicked, so the state is watched from before the click for a run to start and end.
 */
export async function runStepToEnd(page: Page, stepId: string, timeoutMs = 30_000): Promise<string> {
  const step = page.locator(`[data-step-id="${stepId}"]`).first();
  await step.evaluate((element, ms) => {
    const states: string[] = [];
    (element as HTMLElement & { rwRunEnded?: Promise<string> }).rwRunEnded = new Promise(
      (resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no run ended in ${ms} ms; states: ${states.join(', ')}`)),
          ms,
        );
        const observer = new MutationObserver(() => {
          const state = element.getAttribute('data-step-state') ?? '';
          states.push(state);
          if (state !== 'passed' && state !== 'failed') return;
          if (!states.some((seen) => seen === 'running' || seen === 'waiting-input')) return;
          clearTimeout(timer);
          observer.disconnect();
          resolve(state);
        });
        observer.observe(element, { attributes: true, attributeFilter: ['data-step-state'] });
      },
    );
  }, timeoutMs);
  await step.getByRole('toolbar').getByRole('button', { name: 'Run', exact: true }).click();
  return step.evaluate((element) => (element as HTMLElement & { rwRunEnded?: Promise<string> }).rwRunEnded!);
}
