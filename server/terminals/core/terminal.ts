/**
 * One terminal: a shell asked of the ShellHost, what its marks say (ShellTracker), where its output
 * goes (OutputStream), its step (StepRunner) and its lifetime (grace, idle), wired to the core that
 * keeps it. The terminal exists from the first attach; its shell joins when the host has started it
 * (keys typed meanwhile wait for it, a step waits for its first prompt). The core decides names,
 * limits and who may do what; this only builds and connects the parts.
 */
import { CTRL_C, type ServerMessage, type TerminalSummary } from '../../../src/protocol/messages';
import { DisposableStore } from '../../../src/protocol/disposable';
import { keystrokeHop } from './keystrokeTrace';
import { Lifetime } from './lifetime';
import type { ResolvedCoreOptions } from './options';
import { OutputStream } from './outputStream';
import type { ForegroundSignal, LaunchResult, ProcessExit, ShellHost, ShellProcess } from './shellHost';
import { ShellTracker } from './shellTracker';
import { StepRunner, type StepShell } from './stepRunner';

/** What a terminal needs from the core that keeps it. */
export interface TerminalWiring {
  options: ResolvedCoreOptions;
  host: ShellHost;
  /** News for whoever should see it (a background step's goes to its parent's clients too). */
  deliver(terminal: Terminal, message: ServerMessage): void;
  exited(terminal: Terminal, exit: ProcessExit): void;
  end(terminal: Terminal, reason: string): void;
}

export interface BackgroundOf {
  parent: string;
  stepId: string;
}

export class Terminal implements StepShell {
  readonly stream: OutputStream;
  readonly steps: StepRunner;
  readonly lifetime: Lifetime;
  backgroundCount = 0;
  /** Set once the terminal is being ended. */
  ending?: Promise<void>;
  /** Settles when the shell has exited (or never started). */
  readonly exited: Promise<void>;
  private readonly tracker: ShellTracker;
  private readonly launching: Promise<void>;
  private readonly subscriptions = new DisposableStore();
  private shell: ShellProcess | undefined;
  private waitingKeys: string[] = [];
  private paused = false;
  private markExited: () => void = () => {};
  private readonly launchedSize: { cols: number; rows: number };

  constructor(
    private readonly wiring: TerminalWiring,
    readonly name: string,
    public cols: number,
    public rows: number,
    readonly background?: BackgroundOf,
  ) {
    const nonce = randomHex(16);
    this.launchedSize = { cols, rows };
    const { options } = wiring;
    this.exited = new Promise<void>((resolve) => (this.markExited = resolve));
    this.tracker = new ShellTracker(nonce);
    this.stream = new OutputStream({
      name,
      cols,
      rows,
      scrollbackUnits: options.scrollbackUnits,
      snapshotRows: options.snapshotRows,
      source: { pause: () => this.setPaused(true), resume: () => this.setPaused(false) },
    });
    this.steps = new StepRunner(this, {
      ...(background ? { parent: background.parent } : {}),
      emit: (message) => wiring.deliver(this, message),
      changed: (running, finished) => {
        this.lifetime.stepChanged(running);
        if (background && finished === 'interrupted') wiring.end(this, 'background step stopped');
      },
    });
    this.lifetime = new Lifetime(options.graceMs, options.idleMs, (reason) => {
      options.log.info(`terminal ${name}: closed after its ${reason} time ran out`);
      wiring.end(this, reason);
    });
    this.launching = wiring.host.launch({ name, nonce, cols, rows }).then(
      (result) => this.launched(result),
      (error: unknown) => this.launched({ ok: false, message: String(error) }),
    );
  }

  summary(): TerminalSummary {
    const stepId = this.steps.currentStepId;
    return {
      name: this.name,
      cols: this.cols,
      rows: this.rows,
      ...(stepId === undefined ? {} : { stepId }),
      ...(this.background ? { parent: this.background.parent } : {}),
    };
  }

  /** Keys from a client. */
  keys(data: string): void {
    this.tracker.keysTyped();
    this.lifetime.activity();
    if (this.shell) this.shell.write(data);
    else this.waitingKeys.push(data);
    keystrokeHop(this.name, 'ptyWrite');
    if (data.includes(CTRL_C)) this.stream.interrupted();
  }

  resize(cols: number, rows: number): void {
    if (cols === this.cols && rows === this.rows) return;
    this.cols = cols;
    this.rows = rows;
    this.shell?.resize(cols, rows);
    this.stream.resize(cols, rows);
  }

  /** Ends the shell (once it has started) and everything it started; resolves when they are gone. */
  async terminate(): Promise<void> {
    await this.launching;
    await this.shell?.terminate();
  }

  dispose(): void {
    this.subscriptions.dispose();
    this.stream.dispose();
  }

  // StepShell: what the step runner may ask and do.
  get atPrompt(): boolean {
    return this.tracker.atPrompt;
  }

  get executing(): boolean {
    return this.tracker.executing;
  }

  get typedSincePrompt(): boolean {
    return this.tracker.typedSincePrompt;
  }

  quietFor(): number {
    return this.tracker.quietFor();
  }

  pressCtrlC(): void {
    this.keys(CTRL_C);
  }

  clearPromptLine(): void {
    this.tracker.lineAbandoned();
    this.shell?.write(CTRL_C);
  }

  typeStep(block: string): boolean {
    if (!this.shell) return false;
    this.stream.flush();
    this.shell.write(this.shell.stageStep(block));
    return true;
  }

  signalForeground(signal: ForegroundSignal): boolean {
    return this.shell?.signalForeground(signal) ?? false;
  }

  waitsForInput(): boolean {
    return this.shell?.waitsForInput() ?? false;
  }

  private launched(result: LaunchResult): void {
    if (!result.ok) {
      this.wiring.options.log.warn(`terminal ${this.name}: ${result.message}`);
      const message = `Terminal ${this.name} could not start its shell: ${result.message}`;
      this.wiring.deliver(this, { type: 'error', code: 'internal', message, terminal: this.name });
      this.ended({ code: null, signal: null });
      return;
    }
    const shell = result.shell;
    this.shell = shell;
    if (this.ending) {
      // Ended while the shell was starting: it ends at once (terminate() waits for this).
      this.markExited();
      return;
    }
    this.subscriptions.add(shell.onData((data) => this.received(data)));
    this.subscriptions.add(shell.onExit((exit) => this.ended(exit)));
    if (this.paused) shell.pause();
    if (this.cols !== this.launchedSize.cols || this.rows !== this.launchedSize.rows)
      shell.resize(this.cols, this.rows);
    for (const data of this.waitingKeys.splice(0)) shell.write(data);
  }

  private received(raw: string): void {
    keystrokeHop(this.name, 'ptyRead');
    this.lifetime.activity();
    for (const piece of this.tracker.read(raw)) {
      if ('text' in piece) {
        this.stream.push(this.steps.visible(piece.text));
      } else {
        this.stream.flush();
        this.tracker.marked(piece.mark);
        this.steps.mark(piece.mark);
        if (piece.mark.kind === 'B') this.stream.promptShown();
      }
    }
  }

  private ended(exit: ProcessExit): void {
    this.stream.end();
    this.wiring.exited(this, exit);
    this.markExited();
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    if (paused) this.shell?.pause();
    else this.shell?.resume();
  }
}

function randomHex(bytes: number): string {
  const values = globalThis.crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}
