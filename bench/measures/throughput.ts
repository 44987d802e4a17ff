/** `cat` of a large file into the page's terminal: MB/s until its end is painted, and long tasks meanwhile. */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import type { BenchPage } from '../page/browser';
import { measureCpuShares, type CpuShares } from './cpuShare';
import { residentBytes } from '../targets/processInfo';
import type { TerminalTarget } from '../targets/target';

export const MIB = 1024 * 1024;

/** Printable lines of 80 columns: what a log or a manifest dump looks like. */
export async function makeCatFile(file: string, bytes: number): Promise<void> {
  if (existsSync(file) && statSync(file).size === bytes) return;
  const line = Array.from({ length: 79 }, (_, i) => String.fromCharCode(33 + ((i * 7) % 94))).join('') + '\n';
  const block = Buffer.from(line.repeat(Math.ceil(MIB / line.length))).subarray(0, MIB);
  const out = createWriteStream(file);
  for (let written = 0; written < bytes; written += block.length) {
    const chunk = block.subarray(0, Math.min(block.length, bytes - written));
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

export interface CatRun {
  mibPerSecond: number;
  seconds: number;
  longestTaskMs: number;
  longTasks: number;
  /** The server's resident memory at its highest while the file went through, sampled every 250 ms. */
  serverRssMaxBytes: number;
  /** CPU by process while the file went through, % of one core (cpuShare.ts): which of them is the bound. */
  cpuShares: CpuShares;
}

export async function catRuns(
  target: TerminalTarget,
  page: BenchPage,
  file: string,
  bytes: number,
  runs: number,
): Promise<CatRun[]> {
  await target.focusTerminal(page);
  const pid = target.serverPid();
  const results: CatRun[] = [];
  for (let i = 0; i < runs; i += 1) {
    const marker = `rwbench-done-${i}-${Date.now() % 100000}`;
    // Typed with quotes inside, so the command line itself never shows the marker.
    const typed = `${marker.slice(0, 8)}""${marker.slice(8)}`;
    await page.page.keyboard.type(`cat ${file}; echo ${typed}`);
    let serverRssMaxBytes = residentBytes(pid);
    const sampler = setInterval(
      () => (serverRssMaxBytes = Math.max(serverRssMaxBytes, residentBytes(pid))),
      250,
    );
    const shares = measureCpuShares(pid, page.profileDir);
    const timing = await page
      .paintAfter({ kind: 'contains', text: marker }, () => page.page.keyboard.press('Enter'), 600_000)
      .finally(() => clearInterval(sampler));
    const cpuShares = shares();
    const tasks = await page.page.evaluate(([from, to]) => inPage().longTasks(from, to), [
      timing.inputAt,
      timing.paintedAt,
    ] as const);
    const seconds = (timing.paintedAt - timing.inputAt) / 1000;
    results.push({
      mibPerSecond: bytes / MIB / seconds,
      seconds,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
      longTasks: tasks.length,
      serverRssMaxBytes,
      cpuShares,
    });
    await page.page.waitForTimeout(500);
  }
  return results;
}
