/**
 * The rehearsal's TerminalClient: it attaches to terminals as the browser does, keeps their output,
 * acknowledges it (flow control would otherwise pause a busy shell), and lets a step wait for news.
 */
import { HubError, type TerminalClient, type TerminalHub } from '../hub';
import { OutputOffset, type OutputMessage, type ServerMessage } from '../../src/protocol/messages';

/** A terminal's kept output is cut from the front past this; one step never needs more. */
const MAX_KEPT = 4 * 1024 * 1024;
const COLS = 160;
const ROWS = 48;

interface Kept {
  text: string;
  /** Offset in the terminal's stream of text[0]. */
  base: number;
  offset: OutputOffset;
}

export type Listener = (message: ServerMessage) => void;

export class RehearsalClient implements TerminalClient {
  readonly id = `rehearse-${process.pid}`;
  readonly access = 'write';
  private readonly attached = new Set<string>();
  private readonly kept = new Map<string, Kept>();
  private readonly listeners = new Set<Listener>();
  private closing = false;

  constructor(private readonly hub: TerminalHub) {}

  send(message: ServerMessage): void {
    if (message.type === 'output') this.keep(message);
    if (message.type === 'exit') this.attached.delete(message.terminal);
    for (const listener of [...this.listeners]) listener(message);
  }

  /** Attaches on first use (the hub creates the terminal), from the start of its output. */
  attach(terminal: string): void {
    if (this.attached.has(terminal)) return;
    this.hub.attach(this, { terminal, cols: COLS, rows: ROWS, since: 0 });
    this.attached.add(terminal);
  }

  /** Where the terminal's output stands now: pass it to `outputSince` later. */
  position(terminal: string): number {
    const kept = this.kept.get(terminal);
    return kept ? kept.base + kept.text.length : 0;
  }

  outputSince(terminal: string, position: number): string {
    const kept = this.kept.get(terminal);
    if (!kept) return '';
    return kept.text.slice(Math.max(0, position - kept.base));
  }

  listen(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** From now on output is no longer acknowledged: the terminals are being ended. */
  close(): void {
    this.closing = true;
  }

  private keep(message: OutputMessage): void {
    const { terminal, data } = message;
    const kept = this.kept.get(terminal) ?? { text: '', base: message.seq, offset: new OutputOffset() };
    const { fresh } = kept.offset.take(message);
    if (message.reset) {
      kept.text = fresh;
      kept.base = message.seq;
    } else kept.text += fresh;
    if (kept.text.length > MAX_KEPT) {
      const cut = kept.text.length - MAX_KEPT;
      kept.text = kept.text.slice(cut);
      kept.base += cut;
    }
    this.kept.set(terminal, kept);
    // Acknowledged as it arrives, the replay sent while attaching included (flow control counts it).
    if (this.closing) return;
    try {
      this.hub.ack(this, terminal, data.length);
    } catch (error) {
      // The terminal ended between sending this output and our ack: nothing is left to pace.
      if (!(error instanceof HubError && error.code === 'unknown-terminal')) throw error;
      this.attached.delete(terminal);
    }
  }
}
