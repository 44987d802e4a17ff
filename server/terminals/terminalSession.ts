/**
 * One named terminal: its process, the path its output takes (marks out, the step line's echo
 * hidden, coalesced into frames, kept in the replay ring and the screen mirror, sent to each
 * attached client under flow control), and the clients watching it.
 */
import type { TerminalClient } from '../hub';
import type { ServerMessage, TerminalSummary } from '../../src/protocol/messages';
import { Attachment } from './attachment';
import { FLOW, FlowGate } from './flowControl';
import { Replay } from './replay';
import { type ShellMark, ShellMarkParser } from './shellMarks';
import type { Disposable, ProcessExit, TerminalProcess } from './terminalProcess';

export type ShellState = 'starting' | 'prompt' | 'executing';

/** If the echo of a typed step line runs longer than this, something else is talking: show it. */
const MAX_HIDDEN_UNITS = 4096;
// eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
const PRIVATE_MODES = /\x1b\[\?[\d;]*[hl]/g;

export interface SessionSettings {
  name: string;
  process: TerminalProcess;
  nonce: string;
  cols: number;
  rows: number;
  scrollbackUnits: number;
  /** Rows of scrollback a snapshot carries. */
  snapshotRows: number;
  onMark(mark: ShellMark): void;
  onExit(exit: ProcessExit): void;
  onActivity(): void;
}

export class TerminalSession {
  readonly name: string;
  readonly process: TerminalProcess;
  cols: number;
  rows: number;
  shellState: ShellState = 'starting';
  /** Keys reached the prompt since it was drawn: a step must clear the line first. */
  typedSincePrompt = false;
  lastOutputAt = 0;
  private readonly attachments = new Map<string, Attachment>();
  private readonly parser: ShellMarkParser;
  private readonly replay: Replay;
  private readonly gate: FlowGate;
  private readonly subscriptions: Disposable[] = [];
  private pending = '';
  /** Cancels the flush that is scheduled, if any. */
  private cancelFlush: (() => void) | undefined;
  private lastFlushAt = 0;
  private stallTimer: NodeJS.Timeout | undefined;
  private hiding = false;
  private hiddenUnits = 0;
  private exited = false;

  constructor(private readonly settings: SessionSettings) {
    this.name = settings.name;
    this.process = settings.process;
    this.cols = settings.cols;
    this.rows = settings.rows;
    this.parser = new ShellMarkParser(settings.nonce);
    this.replay = new Replay({ ...settings, onProgress: () => this.evaluateFlow() });
    this.gate = new FlowGate(settings.process);
    this.subscriptions.push(
      this.process.onData((data) => this.received(data)),
      this.process.onExit((exit) => {
        this.exited = true;
        this.flush();
        settings.onExit(exit);
      }),
    );
  }

  get isPaused(): boolean {
    return this.gate.isPaused;
  }

  get clientCount(): number {
    return this.attachments.size;
  }

  get hasExited(): boolean {
    return this.exited;
  }

  summary(stepId: string | undefined): TerminalSummary {
    const base = { name: this.name, cols: this.cols, rows: this.rows };
    return stepId === undefined ? base : { ...base, stepId };
  }

  attachmentOf(client: TerminalClient): Attachment | undefined {
    return this.attachments.get(client.id);
  }

  /** Sends `attached`, then exactly what the client lacks: a replay from `since`, or a snapshot. */
  attach(client: TerminalClient, readOnly: boolean, since: number | undefined): void {
    // Output still coalescing goes to the ring first, and only to the clients that were there.
    this.flush();
    this.attachments.get(client.id)?.markDetached();
    const attachment = new Attachment(client, readOnly);
    this.attachments.set(client.id, attachment);
    const missed = since === undefined ? undefined : this.replay.ring.since(since);
    const header = {
      type: 'attached',
      terminal: this.name,
      cols: this.cols,
      rows: this.rows,
      readOnly,
    } as const;
    if (since !== undefined && missed !== undefined) {
      attachment.send({ ...header, seq: since });
      attachment.sentUpTo = since;
      if (missed.length > 0) attachment.sendOutput(this.name, since, missed);
    } else {
      this.replay.sendSnapshot(attachment, (seq) => attachment.send({ ...header, seq }));
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
    if (FlowGate.caughtUp(attachment) && !attachment.syncing) {
      attachment.lagging = false;
      this.replay.catchUp(attachment, attachment.sentUpTo);
    }
    this.evaluateFlow();
  }

  write(data: string): void {
    if (this.shellState === 'prompt') this.typedSincePrompt = true;
    this.settings.onActivity();
    this.process.write(data);
  }

  /** Types a step's line: its echo (up to the command-start mark) never reaches the clients. */
  typeHidden(line: string): void {
    this.flush();
    this.hiding = true;
    this.hiddenUnits = 0;
    this.process.write(line);
  }

  /** The typed step line was abandoned: show what follows. */
  stopHiding(): void {
    this.hiding = false;
  }

  resize(cols: number, rows: number): void {
    if (cols === this.cols && rows === this.rows) return;
    this.cols = cols;
    this.rows = rows;
    this.process.resize(cols, rows);
    this.replay.mirror.resize(cols, rows);
  }

  broadcast(message: ServerMessage, alsoTo?: TerminalClient): void {
    this.flush();
    for (const attachment of this.attachments.values()) attachment.send(message);
    if (alsoTo && !this.attachments.has(alsoTo.id)) alsoTo.send(message);
  }

  clients(): TerminalClient[] {
    return [...this.attachments.values()].map((a) => a.client);
  }

  dispose(): void {
    this.cancelFlush?.();
    clearTimeout(this.stallTimer);
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const attachment of this.attachments.values()) attachment.markDetached();
    this.attachments.clear();
    this.replay.mirror.dispose();
  }

  private received(raw: string): void {
    this.lastOutputAt = Date.now();
    this.settings.onActivity();
    for (const piece of this.parser.feed(raw)) {
      if ('text' in piece) this.accept(piece.text);
      else this.marked(piece.mark);
    }
  }

  private marked(mark: ShellMark): void {
    this.flush();
    if (mark.kind === 'B') {
      this.shellState = 'prompt';
      this.typedSincePrompt = false;
    } else if (mark.kind === 'C') {
      this.shellState = 'executing';
      this.hiding = false;
    } else if (mark.kind === 'D' && this.shellState === 'executing') {
      this.shellState = 'starting';
    }
    this.settings.onMark(mark);
  }

  private accept(text: string): void {
    if (this.hiding) {
      this.hiddenUnits += text.length;
      if (this.hiddenUnits <= MAX_HIDDEN_UNITS) {
        // Mode switches in the hidden echo (readline turns bracketed paste off on Enter) still
        // apply: a screen left in paste mode would wrap a pasted password in markers.
        text = (text.match(PRIVATE_MODES) ?? []).join('');
        if (text.length === 0) return;
      } else {
        this.hiding = false;
      }
    }
    this.pending += text;
    if (this.pending.length >= FLOW.maxFrameUnits) this.flush();
    else if (this.cancelFlush === undefined) this.scheduleFlush();
  }

  /**
   * An echo or a prompt after a quiet moment goes out at once (after the pty reads of this turn
   * of the event loop); only output that keeps coming is coalesced for `batchMs` into fewer,
   * larger frames.
   */
  private scheduleFlush(): void {
    if (performance.now() - this.lastFlushAt >= FLOW.batchMs) {
      const immediate = setImmediate(() => this.flush());
      this.cancelFlush = () => clearImmediate(immediate);
    } else {
      const timer = setTimeout(() => this.flush(), FLOW.batchMs);
      this.cancelFlush = () => clearTimeout(timer);
    }
  }

  /** Sends what is coalescing now, so that a message that follows is not ahead of its output. */
  flushOutput(): void {
    this.flush();
  }

  private flush(): void {
    this.cancelFlush?.();
    this.cancelFlush = undefined;
    if (this.pending.length === 0) return;
    this.lastFlushAt = performance.now();
    const data = this.pending;
    this.pending = '';
    const seq = this.replay.record(data, () => {
      if (this.gate.isPaused) this.evaluateFlow();
    });
    for (const attachment of this.attachments.values()) {
      if (attachment.live) attachment.sendOutput(this.name, seq, data);
    }
    this.evaluateFlow();
  }

  private evaluateFlow(): void {
    if (this.exited) return;
    this.gate.evaluate(this.attachments.values(), this.replay.mirror.backlog, Date.now());
    if (this.gate.isPaused && this.stallTimer === undefined) {
      this.stallTimer = setTimeout(() => {
        this.stallTimer = undefined;
        this.evaluateFlow();
      }, FLOW.stallMs);
      this.stallTimer.unref();
    }
  }
}
