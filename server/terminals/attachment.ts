/** One client's view of one terminal: how far it got, what it owes, and whether it may write. */
import type { TerminalClient } from '../hub';
import type { ServerMessage } from '../../src/protocol/messages';
import type { FlowParticipant } from './flowControl';
import { outputFrames } from './outputFrames';

export class Attachment implements FlowParticipant {
  unacked = 0;
  lagging = false;
  blockingSince?: number;
  /** Waiting for a screen snapshot: live output is held back until it is sent. */
  syncing = false;
  /** The stream offset just past the last unit sent to this client. */
  sentUpTo = 0;
  detached = false;

  constructor(
    readonly client: TerminalClient,
    readonly readOnly: boolean,
  ) {}

  /** Whether live output goes to this client now. */
  get live(): boolean {
    return !this.syncing && !this.lagging && !this.detached;
  }

  /** Nothing more goes to this client from this attachment (it left, or attached anew). */
  markDetached(): void {
    this.detached = true;
  }

  sendOutput(terminal: string, seq: number, data: string, reset = false): void {
    for (const frame of outputFrames(terminal, seq, data, reset)) this.client.send(frame.message, frame.json);
    this.unacked += data.length;
    this.sentUpTo = seq + data.length;
  }

  send(message: ServerMessage): void {
    this.client.send(message);
  }

  acked(units: number): void {
    this.unacked = Math.max(0, this.unacked - units);
  }
}
