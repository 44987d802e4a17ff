/**
 * The project as an attendee starts it: `npm run build` once, then `npm run live`, and the URL it
 * prints. The terminals start in a scratch directory; `--max-terminals` leaves room for the
 * many-terminals figure.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { freePort, startGroup, waitForHttp, type GroupProcess } from '../../tests/e2e/support/processes';
import { launchBenchBrowser, VIEWPORT, type BenchBrowser, type BenchPage } from '../page/browser';
import type { PaintTiming } from '../page/probeTypes';
import type { KeystrokeHops } from '../measures/keystrokeHops';
import type { BackgroundTerminal } from './background';
import {
  closeOursTerminal,
  endpointFromLaunchUrl,
  openOursBackground,
  protocolRuns,
  stepCommandOf,
  type LiveEndpoint,
} from './oursClient';
import { commandLine, descendants, processName } from './processInfo';
import { BENCH_PROMPT, PROJECT_ROOT, benchHome, setBenchPrompt, type TerminalTarget } from './target';

export interface OursOptions {
  buildDir: string;
  skipBuild: boolean;
  /** A harmless step of a real page: `oc get pod` reads, and fails fast where `oc` is missing. */
  stepId: string;
  stepPage: string;
  maxTerminals: number;
  /** Dock height in CSS pixels, so ours shows about as many rows as wetty's full-page terminal. */
  dockHeight: number;
  log: (line: string) => void;
}

const FINAL_STATES = ['passed', 'failed', 'interrupted'];

export async function buildSite(buildDir: string, log: (line: string) => void): Promise<void> {
  log(`npm run build -- --out-dir ${buildDir}`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build', '--', '--out-dir', buildDir], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm run build failed (${code}):\n${output.slice(-4000)}`)),
    );
  });
}

export async function startOurs(options: OursOptions): Promise<TerminalTarget> {
  if (!options.skipBuild) await buildSite(options.buildDir, options.log);
  const port = await freePort();
  const work = mkdtempSync(path.join(os.tmpdir(), 'rw-bench-shells-'));
  // startGroup passes this process's environment on: HOME is swapped only while it starts.
  const savedHome = process.env.HOME;
  process.env.HOME = benchHome();
  // The server times each keystroke's hops into this file (server/launch/keystrokeTraceFile.ts).
  const keystrokeTrace = path.join(work, '.rw-keystrokes.jsonl');
  process.env.RW_KEYSTROKE_TRACE = keystrokeTrace;
  let live: GroupProcess;
  try {
    live = startGroup(
      'npm',
      [
        'run',
        'live',
        '--',
        '--dir',
        options.buildDir,
        '--port',
        String(port),
        '--cwd',
        work,
        '--max-terminals',
        String(options.maxTerminals),
      ],
      PROJECT_ROOT,
    );
  } finally {
    process.env.HOME = savedHome;
    delete process.env.RW_KEYSTROKE_TRACE;
  }
  let launchUrl: string;
  try {
    [launchUrl] = (await live.waitFor(/https?:\/\/[^\s#]+#\S+/, 60_000)) as unknown as [string];
    await waitForHttp(new URL(launchUrl).origin, 30_000);
  } catch (error) {
    await live.stop();
    throw error;
  }
  options.log(`ours: ${launchUrl.replace(/rw-token=[^&]+/, 'rw-token=…')}`);
  return new OursTarget(
    live,
    endpointFromLaunchUrl(launchUrl),
    new URL(launchUrl).hash,
    keystrokeTrace,
    options,
  );
}

class OursTarget implements TerminalTarget {
  readonly name = 'ours' as const;
  readonly viewport = VIEWPORT;

  constructor(
    private readonly live: GroupProcess,
    private readonly endpoint: LiveEndpoint,
    private readonly hash: string,
    private readonly keystrokeTrace: string,
    private readonly options: OursOptions,
  ) {}

  private stepUrl(): string {
    return new URL(this.options.stepPage.replace(/^\//, '') + this.hash, this.endpoint.origin).href;
  }

  private runButton(page: Page) {
    return page
      .locator(`[data-step-id="${this.options.stepId}"]`)
      .getByRole('toolbar')
      .getByRole('button', { name: 'Run', exact: true });
  }

  private async waitForStepEnd(page: Page): Promise<void> {
    const selector = FINAL_STATES.map(
      (s) => `[data-step-id="${this.options.stepId}"][data-step-state="${s}"]`,
    );
    await page.waitForSelector(selector.join(', '), { timeout: 30_000 });
  }

  private async loadStepPage(browser: BenchBrowser): Promise<BenchPage> {
    const page = await browser.newPage();
    const height = this.options.dockHeight;
    await page.page.addInitScript((h) => {
      const key = 'rw:dock';
      if (location.protocol.startsWith('http') && !localStorage.getItem(key)) {
        localStorage.setItem(
          key,
          JSON.stringify({ serverTabs: [], active: null, collapsed: false, height: h, fontSize: 14 }),
        );
      }
    }, height);
    await page.page.goto(this.stepUrl(), { waitUntil: 'networkidle' });
    await page.page.waitForSelector('section[aria-label="Terminals"][data-connection="connected"]', {
      timeout: 30_000,
    });
    return page;
  }

  async openTerminal(browser: BenchBrowser): Promise<BenchPage> {
    const page = await this.loadStepPage(browser);
    // The first Run opens the dock's terminal (and loads xterm); the bench types into that terminal.
    await this.runOnce(page);
    await this.focusTerminal(page);
    await setBenchPrompt(page);
    return page;
  }

  async focusTerminal(page: BenchPage): Promise<void> {
    await page.page.locator('[role="tabpanel"]:not([hidden]) .xterm-screen').click();
  }

  private async runOnce(page: BenchPage): Promise<number> {
    const timing = await this.runTimed(page);
    return timing.paintedAt - timing.inputAt;
  }

  private async runTimed(page: BenchPage): Promise<PaintTiming> {
    // The dock covers the lower part of the window: bring the step's toolbar just under the navbar.
    await this.runButton(page.page).evaluate((button) => {
      window.scrollBy(0, button.getBoundingClientRect().top - 120);
    });
    const timing = await page.paintAfter(
      { kind: 'changed' },
      () => this.runButton(page.page).click(),
      10_000,
    );
    // The prompt after the output, then the final state: a state read before the page applied
    // "running" would still be the previous Run's.
    await page.waitForLastLine(BENCH_PROMPT);
    await this.waitForStepEnd(page.page);
    return timing;
  }

  warmRun(page: BenchPage): Promise<PaintTiming> {
    return this.runTimed(page);
  }

  async coldRun(): Promise<number> {
    await closeOursTerminal(this.endpoint, 'main');
    const browser = await launchBenchBrowser(this.viewport);
    try {
      return await this.runOnce(await this.loadStepPage(browser));
    } finally {
      await browser.close();
    }
  }

  firstLoadUrl(): string {
    return this.stepUrl();
  }

  serverPid(): number {
    const pid = this.live.child.pid ?? -1;
    // npm → sh → node: the node process itself, not the shell that started it.
    const server = descendants(pid).find(
      (p) => processName(p) === 'node' && commandLine(p).includes('server/cli.ts'),
    );
    if (server === undefined)
      throw new Error('The live server process (server/cli.ts) was not found under npm.');
    return server;
  }

  serverKeystrokes(): KeystrokeHops[] {
    if (!existsSync(this.keystrokeTrace)) return [];
    return readFileSync(this.keystrokeTrace, 'utf8')
      .split('\n')
      .filter((line) => line.endsWith('}'))
      .map((line) => JSON.parse(line) as KeystrokeHops)
      .filter((hops) => hops.terminal === 'main');
  }

  openBackground(index: number): Promise<BackgroundTerminal> {
    return openOursBackground(this.endpoint, `bench-${index}`);
  }

  protocolRuns(runs: number): Promise<number[]> {
    return protocolRuns(this.endpoint, stepCommandOf(this.options.buildDir, this.options.stepId), runs);
  }

  close(): Promise<void> {
    return this.live.stop();
  }
}
