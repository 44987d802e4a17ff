/**
 * The one place a terminal's process is created. Everything above this interface (sessions,
 * steps, replay) works the same whether the shell is a node-pty child on this machine, as today,
 * or a pod exec on a cluster, as when a workshop outgrows one laptop.
 */

export interface Disposable {
  dispose(): void;
}

export interface ProcessExit {
  /** Null when the process was ended by a signal. */
  code: number | null;
  signal: number | null;
}

export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

export interface TerminalProcess {
  readonly pid: number;
  /** With `pid`, identifies the process across pid reuse (orphan records); 0 if unknown. */
  readonly startTime: number;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Stops reading output (the program blocks once the pty buffer fills), for flow control. */
  pause(): void;
  resume(): void;
  onData(listener: (data: string) => void): Disposable;
  onExit(listener: (exit: ProcessExit) => void): Disposable;
  /** Signals the terminal's foreground job (never the shell itself); false if there is none. */
  signalForeground(signal: NodeJS.Signals): boolean;
  /** Whether the foreground job is blocked reading the keyboard. */
  waitsForInput(): boolean;
  /** Ends the shell and everything it started (HUP, TERM, KILL); resolves when they are gone. */
  terminate(): Promise<void>;
}

export type SpawnTerminalProcess = (request: SpawnRequest) => TerminalProcess;
