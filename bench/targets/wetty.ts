/**
 * wetty 3.2 on this machine: `wetty --host 127.0.0.1 --port P --command bash`. As root, wetty
 * runs `--command` locally in a pty; as any other user it ssh-es to --ssh-host instead, which
 * needs an sshd this machine does not run, so the bench says so rather than measure a login.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { freePort, waitForHttp } from '../../tests/e2e/support/processes';
import { launchBenchBrowser, VIEWPORT, type BenchBrowser, type BenchPage } from '../page/browser';
import type { PaintTiming } from '../page/probeTypes';
import { TypingLoop, type BackgroundTerminal } from './background';
import { BENCH_PROMPT, benchHome, setBenchPrompt, type TerminalTarget } from './target';
import type { WettyInstall } from './wettyInstall';

export const WETTY_COMMAND = 'oc get pod -n hello-world';

export type WettyStart = { ok: true; target: TerminalTarget } | { ok: false; reason: string };

/** `terminalHeight`: the page's height, so wetty's full-page terminal is as tall as our dock's. */
export async function startWetty(
  install: Extract<WettyInstall, { ok: true }>,
  terminalHeight: number,
): Promise<WettyStart> {
  if (process.getuid?.() !== 0) {
    return {
      ok: false,
      reason:
        'wetty runs a local --command only as root; as this user it would ssh to --ssh-host, and no sshd runs here',
    };
  }
  const port = await freePort();
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'rw-bench-wetty-shells-'));
  const child = spawn(
    process.execPath,
    [install.entry, '--host', '127.0.0.1', '--port', String(port), '--command', 'bash'],
    {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: benchHome() },
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 30_000);
  } catch (error) {
    child.kill('SIGKILL');
    return {
      ok: false,
      reason: `wetty did not answer: ${(error as Error).message}; it printed: ${output.slice(-500)}`,
    };
  }
  return {
    ok: true,
    target: new WettyTarget(child, `http://127.0.0.1:${port}/`, {
      width: VIEWPORT.width,
      height: terminalHeight,
    }),
  };
}

class WettyTarget implements TerminalTarget {
  readonly name = 'wetty' as const;

  constructor(
    private readonly child: ChildProcess,
    private readonly origin: string,
    readonly viewport: { width: number; height: number },
  ) {}

  private async loadTerminalPage(browser: BenchBrowser): Promise<BenchPage> {
    const page = await browser.newPage();
    await page.page.goto(this.origin, { waitUntil: 'networkidle' });
    // A fresh bash per page: wait for its first prompt, whatever it looks like.
    await page.page.waitForFunction(
      () => {
        const bench = (window as unknown as { __rwBench?: { screen(): string } }).__rwBench;
        return (bench?.screen().trim().length ?? 0) > 0;
      },
      undefined,
      { timeout: 30_000 },
    );
    await this.focusTerminal(page);
    return page;
  }

  async openTerminal(browser: BenchBrowser): Promise<BenchPage> {
    const page = await this.loadTerminalPage(browser);
    await setBenchPrompt(page);
    return page;
  }

  async focusTerminal(page: BenchPage): Promise<void> {
    await page.page.locator('.xterm-screen').first().click();
  }

  async warmRun(page: BenchPage): Promise<PaintTiming> {
    await page.page.keyboard.type(WETTY_COMMAND);
    const timing = await page.paintAfter(
      { kind: 'changed' },
      () => page.page.keyboard.press('Enter'),
      30_000,
    );
    await page.waitForLastLine(BENCH_PROMPT);
    return timing;
  }

  async coldRun(): Promise<number> {
    const browser = await launchBenchBrowser(this.viewport);
    try {
      const page = await this.loadTerminalPage(browser);
      await page.page.keyboard.type(WETTY_COMMAND);
      const timing = await page.paintAfter(
        { kind: 'changed' },
        () => page.page.keyboard.press('Enter'),
        30_000,
      );
      return timing.paintedAt - timing.inputAt;
    } finally {
      await browser.close();
    }
  }

  firstLoadUrl(): string {
    return this.origin;
  }

  serverPid(): number {
    if (this.child.pid === undefined) throw new Error('wetty has no pid');
    return this.child.pid;
  }

  async openBackground(): Promise<BackgroundTerminal> {
    // socket.io over engine.io 4, spoken by hand: open, connect to "/", answer pings, events as 42[...].
    const url = `${this.origin.replace(/^http/, 'ws')}socket.io/?EIO=4&transport=websocket`;
    const socket = new WebSocket(url, { origin: this.origin.replace(/\/$/, '') });
    const typing = new TypingLoop((data) => socket.send(`42${JSON.stringify(['input', data])}`));
    let received = 0;
    const loggedIn = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('wetty sent no login event within 20 s')), 20_000);
      socket.on('error', reject);
      socket.on('message', (raw: WebSocket.RawData) => {
        const frame = raw.toString();
        if (frame.startsWith('0')) socket.send('40');
        else if (frame === '2') socket.send('3');
        else if (frame.startsWith('42["login"')) {
          clearTimeout(timer);
          socket.send(`42${JSON.stringify(['resize', { cols: 80, rows: 24 }])}`);
          resolve();
        } else if (frame.startsWith('42["data"')) {
          const data = (JSON.parse(frame.slice(2)) as [string, string])[1];
          // wetty's client commits what it wrote, so its pty never pauses; do the same.
          received += data.length;
          socket.send(`42${JSON.stringify(['commit', received])}`);
          received = 0;
          typing.output();
        }
      });
    });
    await loggedIn;
    return {
      echoes: typing.echoes,
      startTyping: (intervalMs) => typing.start(intervalMs),
      close: () =>
        new Promise<void>((resolve) => {
          typing.stop();
          socket.once('close', () => resolve());
          socket.close();
        }),
    };
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      this.child.once('exit', () => resolve());
      this.child.kill('SIGTERM');
      setTimeout(() => this.child.kill('SIGKILL'), 5_000).unref();
    });
  }
}
