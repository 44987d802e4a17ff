/** Run → first output painted (warm and on a fresh page), and keystroke → echo painted. */
import type { BenchPage } from '../page/browser';
import type { TerminalTarget } from '../targets/target';

export async function warmRuns(target: TerminalTarget, page: BenchPage, runs: number): Promise<number[]> {
  await target.warmRun(page); // the first Run after the setup is not a warm one for every product
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    samples.push(await target.warmRun(page));
    await page.page.waitForTimeout(50 + Math.random() * 50);
  }
  return samples;
}

export async function coldRuns(target: TerminalTarget, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) samples.push(await target.coldRun());
  return samples;
}

/** Types `x` one key at a time (a pause between keys, as a person types); Ctrl-U keeps the line short. */
export async function keystrokeEchoes(target: TerminalTarget, page: BenchPage, keys: number): Promise<number[]> {
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
