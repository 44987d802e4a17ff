/**
 * Chromium as the house runs it (system binary, headless, the same flags as the end-to-end tests,
 * a fresh temporary profile), but without the tests' off-host request guard: that guard routes
 * every request and wraps every WebSocket through Playwright, which would be measured too.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/plugins/headlessChromium';
import { installKeystrokeProbe, type KeystrokeProbe } from './keystrokeProbe';
import { installProbe, type BenchProbe, type PaintCondition, type PaintTiming } from './probe';

export const VIEWPORT = { width: 1280, height: 900 } as const;

export interface BenchBrowser {
  context: BrowserContext;
  newPage(): Promise<BenchPage>;
  close(): Promise<void>;
}

export interface BenchPage {
  page: Page;
  /** The browser's own profile directory: its processes are found by it (measures/cpuShare.ts). */
  profileDir: string;
  cdp: CDPSession;
  /** Arms a paint waiter, runs `act` (the input), and resolves with the paint timing. */
  paintAfter(condition: PaintCondition, act: () => Promise<void>, timeoutMs?: number): Promise<PaintTiming>;
  screen(): Promise<string>;
  /** Waits (no input involved) until the screen's last non-empty line is `text`. */
  waitForLastLine(text: string, timeoutMs?: number): Promise<void>;
  heapUsedBytes(): Promise<number>;
  /** The heap once a full garbage collection ran: what the page keeps, not what it has yet to collect. */
  heapAfterGcBytes(): Promise<number>;
}

export async function launchBenchBrowser(
  viewport: { width: number; height: number } = VIEWPORT,
): Promise<BenchBrowser> {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'rw-bench-chromium-'));
  const context = await chromium
    .launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport,
    })
    .catch(async (error: unknown) => {
      await rm(profileDir, { recursive: true, force: true });
      throw error;
    });
  // tsx (esbuild keepNames) wraps named functions in `__name(...)`; functions Playwright sends into
  // the page carry that call, so the page needs the helper.
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  await context.addInitScript(installProbe);
  await context.addInitScript(installKeystrokeProbe);
  await context.addInitScript({ content: IN_PAGE_SCRIPT });
  return {
    context,
    async newPage() {
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      return wrapPage(page, cdp, profileDir);
    },
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

function wrapPage(page: Page, cdp: CDPSession, profileDir: string): BenchPage {
  return {
    profileDir,
    page,
    cdp,
    async paintAfter(condition, act, timeoutMs = 10_000) {
      const id = await page.evaluate((c) => inPage().arm(c), condition);
      await act();
      return page.evaluate(([waiter, timeout]) => inPage().wait(waiter, timeout), [id, timeoutMs] as const);
    },
    screen: () => page.evaluate(() => inPage().screen()),
    async waitForLastLine(text, timeoutMs = 30_000) {
      await page.waitForFunction(
        (wanted) => {
          const lines = inPage()
            .screen()
            .split('\n')
            .map((line) => line.trimEnd())
            .filter(Boolean);
          return lines[lines.length - 1] === wanted;
        },
        text,
        { timeout: timeoutMs, polling: 50 },
      );
    },
    async heapUsedBytes() {
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    },
    async heapAfterGcBytes() {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize;
    },
  };
}

/**
 * The probes, for functions that run in the page (every measure's `page.evaluate`). Playwright sends
 * a function's source, not its closure, so these are installed into every page too (below) and
 * called there by name.
 */
declare global {
  function inPage(): BenchProbe;
  function keystrokeProbe(): KeystrokeProbe;
}
export const IN_PAGE_SCRIPT =
  'globalThis.inPage = () => { if (!globalThis.__rwBench) throw new Error("the bench probe is not installed"); return globalThis.__rwBench; };' +
  'globalThis.keystrokeProbe = () => { if (!globalThis.__rwKeystrokes) throw new Error("the keystroke probe is not installed"); return globalThis.__rwKeystrokes; };';
