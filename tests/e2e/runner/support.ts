/**
 * Helpers for the runner's browser tests: the project started as the README says (`npm run live`,
 * via SITE-E2E's helpers), optionally with the simulated `crc`/`oc`/`skupper` of tests/fakes first
 * on PATH (test doubles: no cluster exists here), and page helpers that read steps and terminals
 * the way a reader sees them.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { PROJECT_ROOT, startLive, type LiveSite } from '../support/site';

export const FAKE_BIN = path.join(PROJECT_ROOT, 'tests', 'fakes', 'bin');
export const FAKE_CRC_PASSWORD = 'e2e-kubeadmin-pw';

/**
 * `npm run live` with its terminals in a scratch directory. With `fakes`, the shells find the
 * simulated CLIs first on PATH, keeping their state in a fresh FAKE_CLUSTERS_DIR.
 */
export async function startRunnerSite(options: { fakes: boolean }): Promise<LiveSite> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'rw-runner-e2e-'));
  const saved = {
    PATH: process.env.PATH,
    FAKE_CLUSTERS_DIR: process.env.FAKE_CLUSTERS_DIR,
    HOME: process.env.HOME,
  };
  // A home of its own with an empty .bashrc: the shells must not depend on (or hang in) the
  // rc files of whoever runs the tests.
  const home = path.join(work, 'home');
  mkdirSync(home);
  writeFileSync(path.join(home, '.bashrc'), '');
  process.env.HOME = home;
  if (options.fakes) {
    process.env.PATH = `${FAKE_BIN}${path.delimiter}${process.env.PATH ?? ''}`;
    process.env.FAKE_CLUSTERS_DIR = mkdtempSync(path.join(os.tmpdir(), 'rw-fake-clusters-'));
    process.env.FAKE_CRC_KUBEADMIN_PASSWORD = FAKE_CRC_PASSWORD;
  }
  try {
    return await startLive(['--cwd', home]);
  } finally {
    // The server's shells inherited the environment at spawn; the test process gets its own back.
    process.env.PATH = saved.PATH;
    process.env.HOME = saved.HOME;
    if (saved.FAKE_CLUSTERS_DIR === undefined) delete process.env.FAKE_CLUSTERS_DIR;
    else process.env.FAKE_CLUSTERS_DIR = saved.FAKE_CLUSTERS_DIR;
    delete process.env.FAKE_CRC_KUBEADMIN_PASSWORD;
  }
}

export function stepLocator(page: Page, stepId: string): Locator {
  return page.locator(`[data-step-id="${stepId}"]`);
}

export function stepButton(
  page: Page,
  stepId: string,
  name: 'Run' | 'Copy' | 'Stop' | 'Run all to here',
): Locator {
  return stepLocator(page, stepId).getByRole('toolbar').getByRole('button', { name, exact: true });
}

/** Waits until the step's `data-step-state` is one of `states`; returns the state reached. */
export async function waitForStepState(
  page: Page,
  stepId: string,
  states: string[],
  timeoutMs = 30_000,
): Promise<string> {
  const selector = states.map((state) => `[data-step-id="${stepId}"][data-step-state="${state}"]`).join(', ');
  await page.waitForSelector(selector, { timeout: timeoutMs });
  return (await stepLocator(page, stepId).getAttribute('data-step-state')) ?? '';
}

/** The visible rows of a terminal tab, as text (xterm's DOM renderer draws them as DOM). */
export async function terminalText(page: Page, terminal: string): Promise<string> {
  const rows = page.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm-rows`);
  if ((await rows.count()) === 0) return '';
  return (await rows.first().evaluate((element) => (element as HTMLElement).innerText)).replace(
    /\u00a0/g,
    ' ',
  );
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

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
