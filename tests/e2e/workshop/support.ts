/**
 * The hosted workshop for browser tests: `npm run workshop` over the tests' build, on a port of
 * its own, with a data directory the seat users can reach; joining through the real form.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { runCli, type CliRun } from '../../server/helpers/cliProcess';
import { BUILD_DIR, PROJECT_ROOT } from '../support/build';

export interface RunningWorkshop {
  run: CliRun;
  instructorUrl: string;
  joinUrl: string;
  base: string;
}

export function workshopDataDir(): { dir: string; remove(): void } {
  const cache = path.join(PROJECT_ROOT, 'node_modules', '.cache');
  // A fresh clone has no cache folder yet (the build that makes one may run after this).
  mkdirSync(cache, { recursive: true });
  const parent = mkdtempSync(path.join(cache, 'rw-e2e-workshop-'));
  // Seat users pass through it to reach their homes.
  chmodSync(parent, 0o711);
  const dir = path.join(parent, 'data');
  return { dir, remove: () => rmSync(parent, { recursive: true, force: true }) };
}

export async function startWorkshop(
  dataDir: string,
  port: number,
  extra: string[] = [],
): Promise<RunningWorkshop> {
  const run = runCli([
    'workshop',
    '--port',
    String(port),
    '--dir',
    BUILD_DIR,
    '--data-dir',
    dataDir,
    '--seats',
    '5',
    ...extra,
  ]);
  const join = (await run.waitForLine(/^join: /, 60_000)).slice('join: '.length);
  const instructor = (await run.waitForLine(/^instructor: /, 5_000)).slice('instructor: '.length);
  return { run, instructorUrl: instructor, joinUrl: join, base: new URL(join).origin };
}

export async function stopWorkshop(workshop: RunningWorkshop | undefined): Promise<void> {
  if (!workshop || workshop.run.child.exitCode !== null || workshop.run.child.signalCode !== null) return;
  workshop.run.signalGroup('SIGTERM');
  await workshop.run.exited;
}

/** Types a name into "Your name", presses "Join", and waits for the page's terminal connection. */
export async function joinWorkshop(page: Page, joinUrl: string, name: string): Promise<void> {
  await page.goto(joinUrl);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/join'));
  // A busy machine: the workspace starts (a sandbox, a terminal server) while the page loads.
  await page.locator('[data-connection="connected"]').first().waitFor({ timeout: 90_000 });
}

/** The terminal the dock shows (the first step of the first page runs in one of its own). */
export async function activeTerminal(page: Page): Promise<string> {
  const name = await page.locator('[role="tabpanel"]').first().getAttribute('data-terminal');
  if (!name) throw new Error('the dock shows no terminal');
  return name;
}

/** Types a command line into the dock's terminal, as a reader at the keyboard would. */
export async function typeInTerminal(page: Page, line: string): Promise<string> {
  const terminal = await activeTerminal(page);
  await page.locator(`[role="tabpanel"][data-terminal="${terminal}"] .xterm`).first().click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  return terminal;
}
