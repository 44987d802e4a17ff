/**
 * The step of one terminal, from `run` to its end, told by the shell's own marks: the line that
 * starts it is typed at a prompt (its echo hidden until C marks the command's start), and the D
 * mark after it carries the exit status and, for a multi-line block, the failing line. Also:
 * Ctrl-C semantics for `interrupt`, and noticing that the foreground program waits for the keyboard.
 */
import type { StepMessage, StepState } from '../../../src/protocol/messages';
import { HubError } from '../../hub';
import { EchoHider } from './echoHider';
import type { ForegroundSignal } from './shellHost';
import type { ShellMark } from './shellMarks';

/** How often the foreground job is checked for a keyboard read, while a step runs. */
export const INPUT_POLL_MS = 200;
/** How long a Ctrl-C that clears the prompt's line may take to end that line (its D mark). */
const CLEARING_TIMEOUT_MS = 1_000;
/** Ctrl-C first; if the job is still there: SIGINT to its group, then TERM, then KILL. */
export const INTERRUPT_ESCALATION_MS = { sigint: 400, sigterm: 1_400, sigkill: 3_000 } as const;

/**
 * `clearing`: Ctrl-C was pressed to abandon keys left on the prompt's line; the step waits for the
 * D mark that ends that line, since readline redraws the prompt it is abandoning (B mark and all)
 * whenever the terminal is resized, and a line typed after such a redraw was dropped by the Ctrl-C.
 */
type Phase = 'clearing' | 'waiting-prompt' | 'typed' | 'executing';

interface ActiveStep {
  id: string;
  command: string;
  startedAt: number;
  phase: Phase;
  state: StepState;
  interruptRequested: boolean;
  timers: NodeJS.Timeout[];
}

/** What the step runner needs of its terminal (see terminal.ts). */
export interface StepShell {
  readonly name: string;
  /** The shell sits at a prompt (B mark) / runs a command line (C mark). */
  readonly atPrompt: boolean;
  readonly executing: boolean;
  /** Keys reached the prompt since it was drawn. */
  readonly typedSincePrompt: boolean;
  /** Milliseconds since the shell last printed. */
  quietFor(): number;
  /** Ctrl-C, as if typed. */
  pressCtrlC(): void;
  /** Ctrl-C to abandon what is on the prompt's line; the runner waits for the next prompt. */
  clearPromptLine(): void;
  /** Stages the block and types the line that runs it; undefined without a shell. */
  typeStep(block: string): boolean;
  signalForeground(signal: ForegroundSignal): boolean;
  waitsForInput(): boolean;
}

export interface StepRunnerHooks {
  /** For a background terminal: the terminal its step was started from (sent with every step message). */
  parent?: string;
  emit(message: StepMessage): void;
  /** A step started or ended (lifetime and background bookkeeping). */
  changed(running: boolean, finished?: StepState): void;
}

export class StepRunner {
  private step: ActiveStep | undefined;
  private poll: NodeJS.Timeout | undefined;
  private readonly echo = new EchoHider();

  constructor(
    private readonly shell: StepShell,
    private readonly hooks: StepRunnerHooks,
  ) {}

  get currentStepId(): string | undefined {
    return this.step?.id;
  }

  run(stepId: string, command: string): void {
    const name = this.shell.name;
    if (this.step) {
      const message = `Terminal ${name} is running step ${this.step.id}; stop it or wait until it ends.`;
      throw new HubError('busy', message, name, stepId);
    }
    if (this.shell.executing) {
      const message = `A command is running in terminal ${name}; stop it (Ctrl-C) or wait for the prompt.`;
      throw new HubError('busy', message, name, stepId);
    }
    this.step = {
      id: stepId,
      command,
      startedAt: Date.now(),
      phase: 'waiting-prompt',
      state: 'running',
      interruptRequested: false,
      timers: [],
    };
    this.emit('running');
    this.hooks.changed(true);
    this.typeWhenReady();
  }

  interrupt(): void {
    const step = this.step;
    if (step?.phase === 'waiting-prompt' || step?.phase === 'clearing') {
      // Nothing was typed: the step provably never started.
      this.finish('interrupted');
      return;
    }
    if (step?.phase === 'typed') {
      // Readline holds the line: a Ctrl-C now may drop it, let it run anyway, or leave half of it at
      // the prompt with no mark to say so (all seen with bash 5.2). The line is complete and the
      // shell accepts it at once: Ctrl-C goes when its C mark says the command runs.
      step.interruptRequested = true;
      return;
    }
    this.shell.pressCtrlC();
    if (step) this.stopRunning(step);
  }

  /** Keys from a client: a program that waited for them may be running again. */
  input(): void {
    if (this.step?.state === 'waiting-input') this.checkInput();
  }

  /** What of the shell's output the clients see: not the echo of the line a step typed. */
  visible(text: string): string {
    return this.echo.visible(text);
  }

  mark(mark: ShellMark): void {
    if (mark.kind === 'C') this.echo.stop();
    const step = this.step;
    if (!step) return;
    // Only while waiting: readline redraws the prompt (marks and all) while it echoes our line.
    if (mark.kind === 'D' && step.phase === 'clearing') step.phase = 'waiting-prompt';
    else if (mark.kind === 'B' && step.phase === 'waiting-prompt') this.typeWhenReady();
    else if (mark.kind === 'C' && step.phase === 'typed') {
      step.phase = 'executing';
      this.startPolling();
      if (step.interruptRequested) {
        this.shell.pressCtrlC();
        this.stopRunning(step);
      }
    } else if (mark.kind === 'D' && step.phase === 'typed') {
      // A command line ended that never started: the reader's own Ctrl-C dropped ours.
      this.echo.dropped();
      this.finish('interrupted');
    } else if (mark.kind === 'D' && step.phase === 'executing') {
      const exitCode = mark.exitCode ?? 0;
      if (step.interruptRequested || exitCode === 130) this.finish('interrupted', exitCode);
      else if (exitCode === 0) this.finish('passed', 0);
      else this.finish('failed', exitCode, mark.line);
    }
  }

  /** The shell is gone: a step in it ends with the shell's status. */
  shellExited(code: number | null): void {
    if (!this.step) return;
    if (this.step.interruptRequested) this.finish('interrupted', code ?? undefined);
    else this.finish('failed', code ?? 1);
  }

  /** The terminal is being closed under the step. */
  abandon(): void {
    this.finish('interrupted');
  }

  dispose(): void {
    if (this.step) for (const timer of this.step.timers) clearTimeout(timer);
    clearInterval(this.poll);
    this.step = undefined;
  }

  private typeWhenReady(): void {
    const step = this.step;
    if (!step || step.phase !== 'waiting-prompt' || !this.shell.atPrompt) return;
    if (this.shell.typedSincePrompt) {
      // Half-typed keys (or a continuation prompt) would prefix our line: Ctrl-C gives a fresh prompt.
      step.phase = 'clearing';
      this.shell.clearPromptLine();
      // Bash always ends the line with a D mark; should it not, the next prompt will do.
      const giveUp = () => {
        if (this.step !== step || step.phase !== 'clearing') return;
        step.phase = 'waiting-prompt';
        this.typeWhenReady();
      };
      step.timers.push(setTimeout(giveUp, CLEARING_TIMEOUT_MS));
      return;
    }
    step.phase = 'typed';
    this.echo.start();
    if (!this.shell.typeStep(step.command)) this.echo.stop();
  }

  /** Ctrl-C was pressed for a running step; if its job is still there: signals, harder each time. */
  private stopRunning(step: ActiveStep): void {
    step.interruptRequested = true;
    const escalate = (signal: ForegroundSignal, ms: number) =>
      step.timers.push(setTimeout(() => this.step === step && this.shell.signalForeground(signal), ms));
    escalate('SIGINT', INTERRUPT_ESCALATION_MS.sigint);
    escalate('SIGTERM', INTERRUPT_ESCALATION_MS.sigterm);
    escalate('SIGKILL', INTERRUPT_ESCALATION_MS.sigkill);
  }

  private startPolling(): void {
    clearInterval(this.poll);
    this.poll = setInterval(() => this.checkInput(), INPUT_POLL_MS);
    this.poll.unref();
  }

  private checkInput(): void {
    const step = this.step;
    if (!step || step.phase !== 'executing') return;
    // A program that is printing is not waiting; one that waited is checked on every tick.
    if (step.state === 'running' && this.shell.quietFor() < INPUT_POLL_MS) return;
    const waiting = this.shell.waitsForInput();
    if (waiting && step.state === 'running') this.emit('waiting-input');
    else if (!waiting && step.state === 'waiting-input') this.emit('running');
  }

  private emit(state: StepState, extra: Partial<StepMessage> = {}): void {
    const step = this.step;
    if (!step) return;
    step.state = state;
    const parent = this.hooks.parent === undefined ? {} : { parent: this.hooks.parent };
    this.hooks.emit({ type: 'step', terminal: this.shell.name, stepId: step.id, state, ...parent, ...extra });
  }

  private finish(state: StepState, exitCode?: number, line?: number): void {
    const step = this.step;
    if (!step) return;
    this.emit(state, {
      ...(exitCode === undefined ? {} : { exitCode }),
      durationMs: Date.now() - step.startedAt,
      ...(state === 'failed' && line !== undefined ? { line } : {}),
    });
    this.dispose();
    this.hooks.changed(false, state);
  }
}
