/**
 * One attached terminal as the connection sees it: where its output goes, how far it got (so a
 * re-attach asks for exactly what it lacks), and the acks it owes. Kept apart from the socket so
 * that a reconnect replaces the socket and nothing here.
 */
import {
  OutputOffset,
  type AttachMessage,
  type OutputMessage,
  type ServerMessage,
} from '../protocol/messages';
import type { Access } from './connection';
import { AckBatcher } from './flowControl';

/** Where a terminal's output is written: an xterm, in the browser. */
export interface TerminalSink {
  /** Writes to the screen; `done` once written (xterm's write callback), for flow control. */
  write(data: string, done: () => void): void;
  /** What the screen holds is no longer the server's: clear it before the snapshot that follows. */
  reset(): void;
  /** Ctrl-C went to the terminal: what the screen still has queued is drawn at once (WritePacer.hurry). */
  hurry?(): void;
}

export interface TerminalSize {
  cols: number;
  rows: number;
}

/**
 * Holds output for a terminal whose screen does not exist yet (xterm still loading): attaching
 * before the screen lets the server start the shell meanwhile. Nothing is acknowledged until the
 * real screen has written it, so flow control bounds what waits here.
 */
export class PendingSink implements TerminalSink {
  private readonly queue: Array<{ data: string; done: () => void } | 'reset'> = [];

  write(data: string, done: () => void): void {
    this.queue.push({ data, done });
  }

  reset(): void {
    this.queue.push('reset');
  }

  drainInto(sink: TerminalSink): void {
    for (const item of this.queue.splice(0)) {
      if (item === 'reset') sink.reset();
      else sink.write(item.data, item.done);
    }
  }
}

export class TerminalChannel {
  /**
   * How far the sink got. Units handed over but not yet parsed by xterm still count: they sit in
   * xterm's own queue and survive a reconnect.
   */
  private readonly offset = new OutputOffset();
  readonly acks: AckBatcher;

  constructor(
    readonly terminal: string,
    public size: TerminalSize,
    readonly access: Access,
    private sink: TerminalSink,
    sendAck: (units: number) => void,
  ) {
    this.acks = new AckBatcher(sendAck);
  }

  /** True while output waits for a screen (see PendingSink). */
  get pending(): boolean {
    return this.sink instanceof PendingSink;
  }

  /** The screen is ready: what arrived meanwhile goes to it first, in order. */
  adopt(sink: TerminalSink): void {
    const waiting = this.sink;
    this.sink = sink;
    if (waiting instanceof PendingSink) waiting.drainInto(sink);
  }

  attachMessage(): AttachMessage {
    return {
      type: 'attach',
      terminal: this.terminal,
      cols: this.size.cols,
      rows: this.size.rows,
      ...(this.access === 'watch' ? { readOnly: true } : {}),
      ...(this.offset.position === undefined ? {} : { since: this.offset.position }),
    };
  }

  /** The server's reply to an attach: a lower offset than ours means a new terminal by that name. */
  attached(message: Extract<ServerMessage, { type: 'attached' }>): void {
    const held = this.offset.position;
    if (held !== undefined && message.seq < held) {
      this.sink.reset();
      this.offset.forget();
    }
  }

  /** Ctrl-C was sent to this terminal. */
  interrupted(): void {
    this.sink.hurry?.();
  }

  output(message: OutputMessage): void {
    if (message.reset) this.sink.reset();
    const { fresh: data, lost } = this.offset.take(message);
    if (lost > 0) {
      console.warn(`[runner] ${this.terminal}: ${lost} units of output were lost before ${message.seq}`);
    }
    // The server counts every unit it sent, shown here or not: a frame we already had is acknowledged
    // whole, at once, or its units would stay owed and could hold the shell paused for good.
    const written = this.acks.track(message.data.length);
    if (data.length === 0) written();
    else this.sink.write(data, written);
  }
}
