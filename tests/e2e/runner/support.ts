/**
 * Helpers for the runner's browser tests: `npm run live` started through the shared
 * support/liveShells (scratch HOME, optionally the simulated `crc`/`oc`/`skupper` of tests/fakes:
 * test doubles, no cluster exists here), and page helpers that read steps the way a reader sees them.
 */
import type { Locator, Page } from 'playwright-core';
import { startLiveInScratchHome, type ScratchLiveSite } from '../support/liveShells';

export const FAKE_CRC_PASSWORD = 'e2e-kubeadmin-pw';

/** `npm run live` with its terminals in a scratch directory; with `fakes`, the simulated CLIs first on PATH. */
export function startRunnerSite(options: { fakes: boolean }): Promise<ScratchLiveSite> {
  return startLiveInScratchHome({ fakes: options.fakes, crcPassword: FAKE_CRC_PASSWORD });
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

export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
