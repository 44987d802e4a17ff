/**
 * Every measurement against one product, in a fixed order (fresh pages first: the cold Run ends the
 * step's terminal). A measurement that fails is recorded with its reason and the others go on.
 */
import type { Figures } from './figures';
import { firstLoad } from './measures/firstLoad';
import { yesFlood, ctrlCRuns } from './measures/flood';
import { coldRuns, keystrokeEchoes, warmRuns } from './measures/latency';
import { CTRL_C_HOPS, RUN_HOPS } from './measures/runHops';
import { HOPS, summarizeHops } from './measures/keystrokeHops';
import { manyTerminals } from './measures/manyTerminals';
import { catRuns, MIB } from './measures/throughput';
import { launchBenchBrowser } from './page/browser';
import { round, summarize, type Summary } from './stats';
import type { TerminalTarget } from './targets/target';

export interface BenchSizes {
  runs: number;
  coldRuns: number;
  keys: number;
  catMib: number;
  catRuns: number;
  catFile: string;
  yesSeconds: number;
  ctrlCRuns: number;
  terminals: number;
}

export interface TargetRecord {
  status: 'measured' | 'unavailable';
  reason?: string;
  figures: Figures;
  /** Every summary and raw figure behind the table, for whoever wants to look closer. */
  details: Record<string, unknown>;
  /** Measurements that failed, with why. */
  errors: Record<string, string>;
  /** Rows on the page's terminal screen (both products get about the same height). */
  terminalRows?: number;
}

const KB = 1024;
const MB = 1024 * 1024;

export async function measureTarget(
  target: TerminalTarget,
  sizes: BenchSizes,
  log: (line: string) => void,
): Promise<TargetRecord> {
  const record: TargetRecord = { status: 'measured', figures: {}, details: {}, errors: {} };
  const step = async (name: string, measure: () => Promise<void>) => {
    log(`${target.name}: ${name}`);
    try {
      await measure();
    } catch (error) {
      record.errors[name] =
        error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error);
      log(`${target.name}: ${name} failed: ${record.errors[name]}`);
    }
  };
  const keep = (name: string, samples: number[]): Summary => {
    const summary = summarize(samples);
    record.details[name] = { ...summary, samples: samples.map((s) => round(s, 2)) };
    return summary;
  };

  await step('first-load JavaScript', async () => {
    const load = await firstLoad(target.firstLoadUrl());
    record.figures['firstLoad.gzip'] = load.gzipBytes / KB;
    record.figures['firstLoad.xterm'] = load.xtermGzipBytes / KB;
    record.details.firstLoad = load;
  });
  await step('first Run on fresh pages', async () => {
    const cold = keep('coldRun', await coldRuns(target, sizes.coldRuns));
    record.figures['coldRun.p50'] = cold.p50;
    record.figures['coldRun.p95'] = cold.p95;
  });

  const browser = await launchBenchBrowser(target.viewport);
  try {
    const page = await target.openTerminal(browser);
    record.terminalRows = (await page.screen()).replace(/\n$/, '').split('\n').length;
    await step('warm Runs', async () => {
      const { samples, hops, lost } = await warmRuns(target, page, sizes.runs);
      const warm = keep('run', samples);
      record.details.runLostClicks = lost;
      record.details.runHops = summarizeHops(hops, RUN_HOPS);
      record.figures['run.p50'] = warm.p50;
      record.figures['run.p95'] = warm.p95;
    });
    const atProtocol = target.protocolRuns?.bind(target);
    if (atProtocol)
      await step('warm Runs at the protocol', async () => {
        record.details.runAtProtocol = summarize(await atProtocol(sizes.runs));
      });
    await step('keystroke echoes', async () => {
      const samples = await keystrokeEchoes(target, page, sizes.keys);
      const echo = keep(
        'echo',
        samples.map((sample) => sample.total ?? Number.NaN),
      );
      record.details.echoHops = summarizeHops(samples, HOPS);
      record.details.echoSamples = samples;
      record.figures['echo.p50'] = echo.p50;
      record.figures['echo.p95'] = echo.p95;
    });
    await step(`cat ${sizes.catMib} MB`, async () => {
      const runs = await catRuns(target, page, sizes.catFile, sizes.catMib * MIB, sizes.catRuns);
      record.details.cat = runs;
      record.figures['cat.mibps'] = summarize(runs.map((r) => r.mibPerSecond)).p50;
      record.figures['cat.longestTask'] = Math.max(...runs.map((r) => r.longestTaskMs));
      record.figures['cat.rss'] = Math.max(...runs.map((r) => r.serverRssMaxBytes)) / MB;
    });
    await step(`yes for ${sizes.yesSeconds} s`, async () => {
      const flood = await yesFlood(target, page, sizes.yesSeconds);
      record.details.yes = flood;
      record.figures['yes.heap'] = flood.heapMaxBytes / MB;
      record.figures['yes.heapAfterGc'] = flood.heapAfterGcBytes / MB;
      record.figures['yes.rss'] = flood.serverRssMaxBytes / MB;
      record.figures['yes.unacked'] = flood.unackedMaxUnits / KB;
      const more = await ctrlCRuns(target, page, Math.max(0, sizes.ctrlCRuns - 1));
      const ctrlC = keep('ctrlC', [flood.ctrlC, ...more.samples]);
      record.details.ctrlCHops = summarizeHops([flood.ctrlCHops, ...more.hops], CTRL_C_HOPS);
      record.figures['ctrlC.p50'] = ctrlC.p50;
      record.figures['ctrlC.p95'] = ctrlC.p95;
    });
    await step(`${sizes.terminals} terminals`, async () => {
      const many = await manyTerminals(target, page, sizes.terminals, sizes.keys);
      const echo = keep('manyPageEcho', many.pageEchoes);
      keep('manyBackgroundEcho', many.backgroundEchoes);
      record.details.manyTerminals = many.terminals;
      record.details.manyHops = many.pageHops;
      record.figures['many.p95'] = echo.p95;
    });
    record.details.socketEvents = await page.page.evaluate(() =>
      (window as unknown as { __rwBench: { sockets(): unknown[] } }).__rwBench.sockets(),
    );
  } catch (error) {
    record.errors.terminalPage =
      error instanceof Error ? error.message.split('\n').slice(0, 6).join(' ') : String(error);
    log(`${target.name}: the terminal page failed: ${record.errors.terminalPage}`);
  } finally {
    await browser.close();
  }
  return record;
}
