/**
 * A TEST DOUBLE of the terminal core's ShellHost: no process, no pty. The test plays the shell,
 * saying what bash with our rc file would print (prompts, the OSC 133 marks with the terminal's
 * nonce, output, exit), so the core's step and session state machines run in milliseconds. The real
 * shells stay the integration layer (the other tests in this folder).
 */
import { Emitter } from '../../../src/protocol/disposable';
import { quietLogger } from '../../../server/log';
import { resolveCoreOptions, type CoreOptions } from '../../../server/terminals/core/options';
import type {
  ForegroundSignal,
  LaunchRequest,
  LaunchResult,
  ProcessExit,
  ShellHost,
  ShellProcess,
} from '../../../server/terminals/core/shellHost';
import { TerminalCore } from '../../../server/terminals/core/terminalCore';

export class FakeShellProcess implements ShellProcess {
  /** Everything the core typed into the shell, in order. */
  readonly written: string[] = [];
  /** The blocks staged for steps, in order. */
  readonly staged: string[] = [];
  readonly signals: ForegroundSignal[] = [];
  /** What `waitsForInput` answers: a foreground program reads the keyboard. */
  readingKeyboard = false;
  paused = false;
  terminated = false;
  private readonly data = new Emitter<string>();
  private readonly exits = new Emitter<ProcessExit>();

  constructor(readonly request: LaunchRequest) {}

  write(data: string): void {
    this.written.push(data);
  }

  resize(): void {}

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  onData(listener: (data: string) => void) {
    return this.data.add(listener);
  }

  onExit(listener: (exit: ProcessExit) => void) {
    return this.exits.add(listener);
  }

  stageStep(block: string): string {
    this.staged.push(block);
    return this.stepLine(this.staged.length);
  }

  signalForeground(signal: ForegroundSignal): boolean {
    this.signals.push(signal);
    return true;
  }

  waitsForInput(): boolean {
    return this.readingKeyboard;
  }

  terminate(): Promise<void> {
    if (!this.terminated) {
      this.terminated = true;
      this.exits.emit({ code: null, signal: 1 });
    }
    return Promise.resolve();
  }

  /** The line the core types to run the n-th staged step (1-based). */
  stepLine(n: number): string {
    return ` __rw_run step-${n}\r`;
  }

  // What bash with our rc file prints.
  prompt(ps1 = '$ '): void {
    this.print(`${this.mark('A')}${ps1}${this.mark('B')}`);
  }

  /** Readline echoes the typed line, then the command line starts (C). */
  commandStarts(echo = this.written.at(-1) ?? ''): void {
    this.print(`${echo.replace(/\r$/, '')}\r\n${this.mark('C')}`);
  }

  /** The command line ended (D) with its status; `line`: the failing line of a multi-line block. */
  commandEnds(exitCode: number, line?: number): void {
    this.print(this.mark('D', `${exitCode}${line === undefined ? '' : `;line=${line}`}`));
  }

  print(text: string): void {
    this.data.emit(text);
  }

  exit(code: number): void {
    this.terminated = true;
    this.exits.emit({ code, signal: null });
  }

  private mark(kind: string, extra?: string): string {
    return `\x1b]133;${kind}${extra === undefined ? '' : `;${extra}`};rw=${this.request.nonce}\x07`;
  }
}

export class FakeShellHost implements ShellHost {
  readonly shells = new Map<string, FakeShellProcess>();
  /** The next launch fails with this message (a value, as a real host returns it). */
  failNext: string | undefined;
  disposed = false;

  launch(request: LaunchRequest): Promise<LaunchResult> {
    if (this.failNext !== undefined) {
      const message = this.failNext;
      this.failNext = undefined;
      return Promise.resolve({ ok: false, message });
    }
    const shell = new FakeShellProcess(request);
    this.shells.set(request.name, shell);
    return Promise.resolve({ ok: true, shell });
  }

  /** The fake shell of a terminal, once the core has launched it. */
  async shell(name: string): Promise<FakeShellProcess> {
    for (let turn = 0; turn < 100; turn += 1) {
      const shell = this.shells.get(name);
      if (shell) return shell;
      await new Promise((resolve) => setImmediate(resolve));
    }
    throw new Error(`terminal ${name} was never launched`);
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }
}

/** The terminal core over fake shells. */
export function fakeCore(options: CoreOptions = {}): { core: TerminalCore; host: FakeShellHost } {
  const host = new FakeShellHost();
  return {
    core: new TerminalCore(resolveCoreOptions({ log: quietLogger, ...options }, quietLogger), host),
    host,
  };
}
