/**
 * The path a terminal's output takes once marks and hidden echo are out: coalesced into frames,
 * kept in the replay ring and the screen mirror, and sent to each attached client under flow
 * control. The attachments are this stream's own: the rest of the core names a client, never an
 * attachment.
 */
import type { Access, TerminalClient } from '../../hub';
import type { TerminalSummary } from '../../../src/protocol/messages';
import { Attachment } from './attachment';
import { FLOW, FlowGate, type Pausable } from './flowControl';
import { keystrokeHop } from './keystrokeTrace';
import { Replay } from './replay';

export interface OutputStreamSettings {
  name: string;
  cols: number;
  rows: number;
  scrollbackUnits: number;
  /** Rows of scrollback a snapshot carries. */
  snapshotRows: number;
  /** What flow control pauses: the shell. */
  source: Pausable;
}

export class OutputStream {
  private readonly name: string;
  private readonly attachments = new Map<string, Attachment>();
  private readonly replay: Replay;
  private readonly gate: FlowGate;
  private pending = '';
  /** Cancels the flush that is scheduled, if any. */
  private cancelFlush: (() => void) | undefined;
  private lastFlushAt = 0;
  /** Frames, and their units, flushed each within `batchMs` of the one before (see FLOW.burstFrames). */
  private burst = { frames: 0, units: 0 };
  private stallTimer: NodeJS.Timeout | undefined;
  /** Units since the shell last drew its prompt: past FLOW.fastForwardUnits, a flood. */
  private sincePrompt = 0;
  private ended = false;

  constructor(settings: OutputStreamSettings) {
    this.name = settings.name;
    this.replay = new Replay({ ...settings, onProgress: () => this.evaluateFlow() });
    this.gate = new FlowGate(settings.source);
  }

  get isPaused(): boolean {
    return this.gate.isPaused;
  }

  get clientCount(): number {
    return this.attachments.size;
  }

  clients(): TerminalClient[] {
    return [...this.attachments.values()].map((a) => a.client);
  }

  /** How this client is attached, if it is. */
  accessOf(client: TerminalClient): Access | undefined {
    return this.attachments.get(client.id)?.access;
  }

  /** Sends `attached`, then exactly what the client lacks: a replay from `since`, or a snapshot. */
  attach(
    client: TerminalClient,
    access: Access,
    since: number | undefined,
    size: Pick<TerminalSummary, 'cols' | 'rows'>,
  ): void {
    // Output still coalescing goes to the ring first, and only to the clients that were there.
    this.flush();
    this.attachments.get(client.id)?.markDetached();
    const attachment = new Attachment(client, access);
    this.attachments.set(client.id, attachment);
    const missed = since === undefined ? undefined : this.replay.ring.since(since);
    const header = {
      type: 'attached',
      terminal: this.name,
      cols: size.cols,
      rows: size.rows,
      readOnly: access === 'watch',
    } as const;
    if (since !== undefined && missed !== undefined) {
      attachment.send({ ...header, seq: since });
      attachment.holds(since);
      if (missed.length > 0) attachment.sendOutput(this.name, since, missed);
    } else {
      this.replay.sendSnapshot(attachment, { before: (seq) => attachment.send({ ...header, seq }) });
    }
    this.evaluateFlow();
  }

  detach(client: TerminalClient): boolean {
    const attachment = this.attachments.get(client.id);
    if (!attachment) return false;
    attachment.markDetached();
    this.attachments.delete(client.id);
    this.evaluateFlow();
    return true;
  }

  ack(client: TerminalClient, units: number): void {
    const attachment = this.attachments.get(client.id);
    if (!attachment) return;
    attachment.acked(units);
    this.catchUp(attachment);
    this.evaluateFlow();
  }

  /** Ctrl-C was written to the shell: its prompt comes through without waiting for acks (FLOW.interruptUnits). */
  interrupted(): void {
    this.flush();
    this.gate.interrupted(this.attachments.values());
    this.evaluateFlow();
  }

  /** The shell drew its prompt (B mark): output is held to the watermarks again. */
  promptShown(): void {
    this.sincePrompt = 0;
    this.gate.promptShown();
    // A fast-forwarded client gets the prompt's screen, with its scrollback, at once.
    for (const attachment of this.attachments.values()) this.catchUp(attachment);
    this.evaluateFlow();
  }

  /** The screen mirror follows the terminal's size, in order with the output around it. */
  resize(cols: number, rows: number): void {
    this.replay.mirror.resize(cols, rows);
  }

  /** Output for the clients (marks and hidden echo already taken out). */
  push(text: string): void {
    if (text.length === 0) return;
    this.pending += text;
    if (this.pending.length >= FLOW.maxFrameUnits) this.flush();
    else if (this.cancelFlush === undefined) this.scheduleFlush();
  }

  /** Sends what is coalescing now, so that a message that follows is not ahead of its output. */
  flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    if (this.pending.length === 0) return;
    keystrokeHop(this.name, 'flushed');
    const data = this.pending;
    this.pending = '';
    const now = performance.now();
    const continues = now - this.lastFlushAt < FLOW.batchMs;
    this.burst = continues
      ? { frames: this.burst.frames + 1, units: this.burst.units + data.length }
      : { frames: 1, units: data.length };
    this.lastFlushAt = now;
    this.sincePrompt += data.length;
    // The clients first: keeping the frame (ring, screen mirror) is not on the way to a screen.
    const seq = this.replay.ring.end;
    for (const attachment of this.attachments.values()) {
      if (attachment.live) attachment.sendOutput(this.name, seq, data);
    }
    keystrokeHop(this.name, 'sent');
    this.replay.record(data, () => {
      if (this.gate.isPaused) this.evaluateFlow();
    });
    this.evaluateFlow();
  }

  /** The shell is gone: what is left goes out, and nothing is paused any more. */
  end(): void {
    this.flush();
    this.ended = true;
  }

  dispose(): void {
    this.cancelFlush?.();
    clearTimeout(this.stallTimer);
    for (const attachment of this.attachments.values()) attachment.markDetached();
    this.attachments.clear();
    this.replay.mirror.dispose();
  }

  /**
   * An echo or a prompt after a quiet moment goes out at once (after the shell reads of this turn
   * of the event loop), and so do the first few small frames after it; only output that keeps
   * coming is coalesced for `batchMs` into fewer, larger frames.
   */
  private scheduleFlush(): void {
    const streaming =
      performance.now() - this.lastFlushAt < FLOW.batchMs &&
      (this.burst.frames >= FLOW.burstFrames || this.burst.units >= FLOW.burstUnits);
    if (!streaming) {
      const immediate = setImmediate(() => this.flush());
      this.cancelFlush = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.flush(), FLOW.batchMs);
      this.cancelFlush = () => clearTimeout(timer);
    }
  }

  /**
   * Brings back a lagging client that has acknowledged down to the low watermark. While a flood
   * pours, it is sent the screen at most every FLOW.fastForwardMs; the prompt's is not held back.
   */
  private catchUp(attachment: Attachment): void {
    if (!FlowGate.caughtUp(attachment) || attachment.isSyncing) return;
    clearTimeout(attachment.catchUpTimer);
    attachment.catchUpTimer = undefined;
    const now = performance.now();
    const pouring = this.flooding && now - this.lastFlushAt < FLOW.fastForwardMs;
    const wait = attachment.snapshotSentAt + FLOW.fastForwardMs - now;
    if (this.flooding && wait > 0) {
      attachment.catchUpTimer = setTimeout(() => {
        attachment.catchUpTimer = undefined;
        this.catchUp(attachment);
        this.evaluateFlow();
      }, wait);
      return;
    }
    this.replay.catchUp(attachment, pouring);
  }

  /** Past FLOW.fastForwardUnits since the prompt. */
  private get flooding(): boolean {
    return this.sincePrompt > FLOW.fastForwardUnits;
  }

  private evaluateFlow(): void {
    if (this.ended) return;
    this.gate.evaluate(this.attachments.values(), this.replay.mirror.backlog, Date.now(), this.flooding);
    if (this.gate.isPaused && this.stallTimer === undefined) {
      this.stallTimer = setTimeout(() => {
        this.stallTimer = undefined;
        this.evaluateFlow();
      }, FLOW.stallMs);
      this.stallTimer.unref();
    }
  }
}
