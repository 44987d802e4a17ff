/** One client's view of one terminal: how far it got, what it owes, and whether it may write. */
import type { Access, TerminalClient } from '../../hub';
import type { ServerMessage } from '../../../src/protocol/messages';
import type { FlowParticipant } from './flowControl';
import { outputFrames } from './outputFrames';

export class Attachment implements FlowParticipant {
  // Written by the flow gate, whose contract FlowParticipant is.
  unacked = 0;
  lagging = false;
  blockingSince?: number;
  /** When it was last sent a snapshot (performance.now()): fast-forwarding is paced by it. */
  snapshotSentAt = -Infinity;
  /** Was sent the screen without its scrollback (a flood poured): the next catch-up brings it. */
  partial = false;
  /** Set while a fast-forwarded client waits for its next snapshot. */
  catchUpTimer: NodeJS.Timeout | undefined;
  /** Waiting for a screen snapshot: live output is held back until it is sent. */
  private syncing = false;
  /** The stream offset just past the last unit sent to this client. */
  private sent = 0;
  private detached = false;

  constructor(
    readonly client: TerminalClient,
    readonly access: Access,
  ) {}

  /** Whether live output goes to this client now. */
  get live(): boolean {
    return !this.syncing && !this.lagging && !this.detached;
  }

  get isDetached(): boolean {
    return this.detached;
  }

  get isSyncing(): boolean {
    return this.syncing;
  }

  get sentUpTo(): number {
    return this.sent;
  }

  /** Nothing more goes to this client from this attachment (it left, or attached anew). */
  markDetached(): void {
    this.detached = true;
    clearTimeout(this.catchUpTimer);
    this.catchUpTimer = undefined;
  }

  /** A snapshot is being made for this client: it gets no live output until `synced`. */
  beginSync(): void {
    this.syncing = true;
  }

  synced(): void {
    this.syncing = false;
  }

  /** The client holds the stream up to `offset` without being sent it (a re-attach that lacks nothing). */
  holds(offset: number): void {
    this.sent = offset;
  }

  sendOutput(terminal: string, seq: number, data: string, reset = false): void {
    for (const frame of outputFrames(terminal, seq, data, reset)) this.client.send(frame.message, frame.json);
    this.unacked += data.length;
    this.sent = seq + data.length;
  }

  send(message: ServerMessage): void {
    this.client.send(message);
  }

  acked(units: number): void {
    this.unacked = Math.max(0, this.unacked - units);
  }
}
