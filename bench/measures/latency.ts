/** Run → first output painted (warm and on a fresh page), and keystroke → echo painted. */
import type { BenchPage } from '../page/browser';
import { BENCH_PROMPT, type TerminalTarget } from '../targets/target';
import { keystrokeSample, type KeystrokeHops, type KeystrokeSample } from './keystrokeHops';
import { runSample, type RunSample } from './runHops';

export interface WarmRuns {
  samples: number[];
  /** Each Run taken apart (runHops.ts). */
  hops: RunSample[];
  /** Clicks after which nothing was painted at all (see README: "lost clicks"); not samples. */
  lost: number;
}

export async function warmRuns(target: TerminalTarget, page: BenchPage, runs: number): Promise<WarmRuns> {
  await target.warmRun(page); // the first Run after the setup is not a warm one for every product
  const samples: number[] = [];
  const hops: RunSample[] = [];
  let lost = 0;
  while (samples.length < runs && lost < runs) {
    // A screen full of earlier Runs repeats itself: one more Run scrolls it into the same text, and
    // a change would go unseen. Each Run starts on a cleared screen.
    await clearScreen(target, page);
    try {
      await page.page.evaluate(() => keystrokeProbe().start());
      const timing = await target.warmRun(page);
      samples.push(timing.paintedAt - timing.inputAt);
      hops.push(runSample(timing, await page.page.evaluate(() => keystrokeProbe().taken())));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes(NOTHING_PAINTED)) throw error;
      lost += 1;
    }
    await page.page.waitForTimeout(50 + Math.random() * 50);
  }
  return { samples, hops, lost };
}

async function clearScreen(target: TerminalTarget, page: BenchPage): Promise<void> {
  await target.focusTerminal(page);
  await page.page.keyboard.type('clear');
  await page.paintAfter({ kind: 'lastLine', text: BENCH_PROMPT }, () => page.page.keyboard.press('Enter'));
}

/** The start of the probe's message when a wait ran out (probe.ts). */
const NOTHING_PAINTED = 'nothing matching';

export async function coldRuns(target: TerminalTarget, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await target.coldRun());
  return samples;
}

/**
 * Types `x` one key at a time (a pause between keys, as a person types); Ctrl-U keeps the line
 * short. Each keystroke is also taken apart hop by hop (keystrokeHops.ts): the page's hops always,
 * the server's when the target traces them.
 */
export async function keystrokeEchoes(
  target: TerminalTarget,
  page: BenchPage,
  keys: number,
): Promise<KeystrokeSample[]> {
  await target.focusTerminal(page);
  const samples: KeystrokeSample[] = [];
  for (let i = 0; i < keys; i += 1) {
    if (i > 0 && i % 30 === 0) {
      await page.paintAfter({ kind: 'changed' }, () => page.page.keyboard.press('Control+U'));
    }
    const traced = target.serverKeystrokes?.().length;
    await page.page.evaluate(() => keystrokeProbe().start());
    const timing = await page.paintAfter({ kind: 'changed' }, () => page.page.keyboard.press('x'));
    const [pageHops] = await page.page.evaluate(() => keystrokeProbe().taken());
    const serverHops = traced === undefined ? undefined : await serverKeystroke(target, traced);
    samples.push(keystrokeSample(timing, pageHops, serverHops));
    await page.page.waitForTimeout(30 + Math.random() * 40);
  }
  await page.paintAfter({ kind: 'changed' }, () => page.page.keyboard.press('Control+U'));
  return samples;
}

/** The server's record of the keystroke after the first `before` (its trace file is written a moment later). */
async function serverKeystroke(target: TerminalTarget, before: number): Promise<KeystrokeHops | undefined> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const traced = target.serverKeystrokes?.() ?? [];
    if (traced.length > before || Date.now() > deadline) return traced[before];
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
