/**
 * The seam between the terminal core (sessions, steps, replay, flow) and what runs the shells: the
 * core asks a ShellHost for a shell with the step marks, and drives it through ShellProcess. The
 * local host (../local) runs bash in node-pty on this machine; tests drive the core with a fake.
 * The host owns everything about where the shell lives: its rc file, where a step's block is
 * staged, the records that let a restarted server end what a killed one left, the process tree.
 *
 * Scaling out is not this seam's job: a hosted workshop runs a whole terminal server per attendee
 * behind a workspace provider (server/workshop/workspaceProvider.ts).
 */
import type { Disposable } from '../../../src/protocol/disposable';

export interface ProcessExit {
  /** Null when the process was ended by a signal. */
  code: number | null;
  signal: number | null;
}

export interface LaunchRequest {
  /** The terminal's name, for the host's records and messages. */
  name: string;
  /** The shell's marks carry it (see shellMarks.ts): output without it cannot end a step. */
  nonce: string;
  cols: number;
  rows: number;
}

/** A shell that could not start is an answer, not an exception. */
export type LaunchResult = { ok: true; shell: ShellProcess } | { ok: false; message: string };

export type ForegroundSignal = 'SIGINT' | 'SIGTERM' | 'SIGKILL';

export interface ShellProcess {
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stops reading output (the program blocks once its terminal's buffer fills), for flow control. */
  pause(): void;
  resume(): void;
  onData(listener: (data: string) => void): Disposable;
  onExit(listener: (exit: ProcessExit) => void): Disposable;
  /**
   * Puts a step's block where the shell's integration reads it and returns the short line to type
   * that runs it (the block itself is never typed: no echo of secrets, no readline limits).
   */
  stageStep(block: string): string;
  /** Signals the terminal's foreground job (never the shell itself); false if there is none. */
  signalForeground(signal: ForegroundSignal): boolean;
  /** Whether the foreground job is blocked reading the keyboard. */
  waitsForInput(): boolean;
  /**
   * Ends the shell and everything it started, and removes what the host kept for it (staged steps,
   * records); resolves when they are gone. Safe to call twice.
   */
  terminate(): Promise<void>;
}

export interface ShellHost {
  launch(request: LaunchRequest): Promise<LaunchResult>;
  /** Called once every shell has been terminated. */
  dispose(): Promise<void>;
}
