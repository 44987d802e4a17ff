/** Run → first output painted (warm and on a fresh page), and keystroke → echo painted. */
import type { BenchPage } from '../page/browser';
import { BENCH_PROMPT, type TerminalTarget } from '../targets/target';

export interface WarmRuns {
  samples: number[];
  /** Clicks after which nothing was painted at all (see README: "lost clicks"); not samples. */
  lost: number;
}

export async function warmRuns(target: TerminalTarget, page: BenchPage, runs: number): Promise<WarmRuns> {
  await target.warmRun(page); // the first Run after the setup is not a warm one for every product
  const samples: number[] = [];
  let lost = 0;
  while (samples.length < runs && lost < runs) {
    // A screen full of earlier Runs repeats itself: one more Run scrolls it into the same text, and
    // a change would go unseen. Each Run starts on a cleared screen.
    await clearScreen(target, page);
    try {
      samples.push(await target.warmRun(page));
    } catch (error) {
      if (!(error instanceof Error) || !error.message.includes(NOTHING_PAINTED)) throw error;
      lost += 1;
    }
    await page.page.waitForTimeout(50 + Math.random() * 50);
  }
  return { samples, lost };
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

/** Types `x` one key at a time (a pause between keys, as a person types); Ctrl-U keeps the line short. */
export async function keystrokeEchoes(
  target: TerminalTarget,
  page: BenchPage,
  keys: number,
): Promise<number[]> {
  await target.focusTerminal(page);
  const samples: number[] = [];
  for (let i = 0; i < keys; i += 1) {
    if (i > 0 && i % 30 === 0) {
      await page.paintAfter({ kind: 'changed' }, () => page.page.keyboard.press('Control+U'));
    }
    const timing = await page.paintAfter({ kind: 'changed' }, () => page.page.keyboard.press('x'));
    samples.push(timing.paintedAt - timing.inputAt);
    await page.page.waitForTimeout(30 + Math.random() * 40);
  }
  await page.paintAfter({ kind: 'changed' }, () => page.page.keyboard.press('Control+U'));
  return samples;
}
