/**
 * Many terminals on one server: `count − 1` background terminals (each typing a key every 200 ms,
 * as attendees would) beside the page's own, whose keystroke → echo painted is measured.
 */
import type { BenchPage } from '../page/browser';
import type { BackgroundTerminal } from '../targets/background';
import type { TerminalTarget } from '../targets/target';
import { HOPS, summarizeHops, type HopSummary } from './keystrokeHops';
import { keystrokeEchoes } from './latency';

export interface ManyTerminals {
  pageEchoes: number[];
  /** The page's keystrokes hop by hop, with the other terminals typing. */
  pageHops: HopSummary[];
  backgroundEchoes: number[];
  terminals: number;
}

export async function manyTerminals(
  target: TerminalTarget,
  page: BenchPage,
  count: number,
  keys: number,
): Promise<ManyTerminals> {
  const background: BackgroundTerminal[] = [];
  try {
    for (let i = 1; i < count; i += 1) background.push(await target.openBackground(i));
    for (const terminal of background) terminal.startTyping(200);
    await page.page.waitForTimeout(1000);
    const samples = await keystrokeEchoes(target, page, keys);
    return {
      pageEchoes: samples.map((sample) => sample.total ?? Number.NaN),
      pageHops: summarizeHops(samples, HOPS),
      backgroundEchoes: background.flatMap((t) => t.echoes),
      terminals: background.length + 1,
    };
  } finally {
    await Promise.all(background.map((terminal) => terminal.close()));
  }
}
