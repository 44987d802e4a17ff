/**
 * `yes` for a while: the most the page's JS heap, the server's RSS and the unacknowledged output
 * reach, sampled every 250 ms; then Ctrl-C → prompt painted again.
 */
import type { BenchPage } from '../page/browser';
import { runSample, type RunSample } from './runHops';
import { residentBytes } from '../targets/processInfo';
import { BENCH_PROMPT, type TerminalTarget } from '../targets/target';

export interface FloodFigures {
  heapMaxBytes: number;
  /** The page's heap after Ctrl-C and a full GC: a max far above it was garbage not yet collected. */
  heapAfterGcBytes: number;
  serverRssMaxBytes: number;
  /** Output units the page had received and not yet given back (see README: how it is measured). */
  unackedMaxUnits: number;
  receivedUnits: number;
  /** Ctrl-C → prompt painted, ms. */
  ctrlC: number;
  /** That Ctrl-C, hop by hop (runHops.ts). */
  ctrlCHops: RunSample;
}

export async function yesFlood(
  target: TerminalTarget,
  page: BenchPage,
  seconds: number,
): Promise<FloodFigures> {
  await target.focusTerminal(page);
  const pid = target.serverPid();
  await page.page.keyboard.type('yes');
  await page.page.evaluate(() => inPage().flowReset());
  await page.page.keyboard.press('Enter');
  let heapMaxBytes = 0;
  let serverRssMaxBytes = 0;
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    await page.page.waitForTimeout(250);
    heapMaxBytes = Math.max(heapMaxBytes, await page.heapUsedBytes());
    serverRssMaxBytes = Math.max(serverRssMaxBytes, residentBytes(pid));
  }
  const flow = await page.page.evaluate(() => inPage().flow());
  const { ms: ctrlC, hops: ctrlCHops } = await interrupt(page);
  const heapAfterGcBytes = await page.heapAfterGcBytes();
  return {
    heapMaxBytes,
    heapAfterGcBytes,
    serverRssMaxBytes,
    unackedMaxUnits: flow.maxOutstanding,
    receivedUnits: flow.receivedUnits,
    ctrlC,
    ctrlCHops,
  };
}

/** Ctrl-C → the bench prompt is the last line painted; taken apart as a Run is (the frame sent is the Ctrl-C). */
export async function interrupt(page: BenchPage): Promise<{ ms: number; hops: RunSample }> {
  await page.page.evaluate(() => keystrokeProbe().start());
  const timing = await page.paintAfter(
    { kind: 'lastLine', text: BENCH_PROMPT },
    () => page.page.keyboard.press('Control+C'),
    30_000,
  );
  const frames = await page.page.evaluate(() => keystrokeProbe().taken());
  return { ms: timing.paintedAt - timing.inputAt, hops: runSample(timing, frames) };
}

/** More Ctrl-C samples: `yes` for a second, then Ctrl-C. */
export async function ctrlCRuns(
  target: TerminalTarget,
  page: BenchPage,
  runs: number,
): Promise<{ samples: number[]; hops: RunSample[] }> {
  await target.focusTerminal(page);
  const samples: number[] = [];
  const hops: RunSample[] = [];
  for (let i = 0; i < runs; i += 1) {
    await page.page.keyboard.type('yes');
    await page.page.keyboard.press('Enter');
    await page.page.waitForTimeout(1000);
    const taken = await interrupt(page);
    samples.push(taken.ms);
    hops.push(taken.hops);
    await page.page.waitForTimeout(200);
  }
  return { samples, hops };
}
