/** What the bench needs from a product under test; `ours.ts` and `wetty.ts` provide it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchBrowser, BenchPage } from '../page/browser';
import type { PaintTiming } from '../page/probeTypes';
import type { BackgroundTerminal } from './background';
import type { KeystrokeHops } from '../measures/keystrokeHops';

// Not the tests' PROJECT_ROOT: that module imports vitest, which a plain `tsx` script cannot.
export const PROJECT_ROOT = fileURLToPath(new URL('../..', `file://${__dirname}/`));

export type TargetName = 'ours' | 'wetty';

/** The prompt both products' shells get, so "prompt back" looks the same on both screens. */
export const BENCH_PROMPT = 'rwbench$';

export interface TerminalTarget {
  readonly name: TargetName;
  /** The browser window its pages get. */
  readonly viewport: { width: number; height: number };
  /** A page whose terminal sits at the bench prompt, with the keyboard in it. */
  openTerminal(browser: BenchBrowser): Promise<BenchPage>;
  /** Puts the keyboard back in the page's terminal (a click on Run takes it away). */
  focusTerminal(page: BenchPage): Promise<void>;
  /** Ours: click a step's Run. Wetty: type the same command and press Enter. When it was input, and its first output matched and painted (page clock). */
  warmRun(page: BenchPage): Promise<PaintTiming>;
  /** The same on a page freshly loaded in a fresh browser profile (ours loads xterm on this Run). */
  coldRun(): Promise<number>;
  /** A doc page (ours) or the terminal page (wetty), as a first-time reader loads it. */
  firstLoadUrl(): string;
  /** The server process whose memory is reported. */
  serverPid(): number;
  openBackground(index: number): Promise<BackgroundTerminal>;
  /** Ours: the warm Run's step run by a Node client on the same server, no page: ms to its first output. */
  protocolRuns?(runs: number): Promise<number[]>;
  /** The server's own hop times of every keystroke on the page's terminal so far, if it traces them. */
  serverKeystrokes?(): KeystrokeHops[];
  close(): Promise<void>;
}

/**
 * A home for the shells of both products, with a plain rc file: a benchmark of terminals must not
 * time the reader's own ~/.bashrc (on this machine, root's takes a minute: pyenv init).
 */
export function benchHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'rw-bench-home-'));
  writeFileSync(path.join(home, '.bashrc'), `PS1='${BENCH_PROMPT} '\n`);
  return home;
}

/** Types the bench prompt into a fresh shell and waits until it is painted. */
export async function setBenchPrompt(page: BenchPage): Promise<void> {
  await page.page.keyboard.type(` PS1='${BENCH_PROMPT} '`);
  await page.paintAfter(
    { kind: 'lastLine', text: BENCH_PROMPT },
    () => page.page.keyboard.press('Enter'),
    20_000,
  );
}
