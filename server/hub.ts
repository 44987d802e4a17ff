/**
 * The seam between the transport (WebSocket connections) and the terminals. The transport
 * validates frames with `src/protocol` and calls a TerminalHub; the hub never sees a socket and
 * the transport never sees a pty. Tests of either side use the real other side.
 */
import type {
  AttachMessage,
  ErrorCode,
  RunMessage,
  ServerMessage,
  TerminalName,
  TerminalSummary,
} from '../src/protocol/messages';

/**
 * What a connection, or one of its attachments, may do: type, run, stop, resize and close, or only
 * watch. A connection's access comes from its token; an attachment may ask to only watch.
 */
export type Access = 'write' | 'watch';

/** One connected page (or rehearsal runner), as the hub sees it. */
export interface TerminalClient {
  readonly id: string;
  /** `watch` (an audience token): the hub refuses every write and starts no shell for it. */
  readonly access: Access;
  /** `encoded`, when given, is `message` as JSON already (output frames are encoded to be measured). */
  send(message: ServerMessage, encoded?: string): void;
}

/** A refusal the transport turns into an `error` message; anything else thrown is `internal`. */
export class HubError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly terminal?: TerminalName,
    readonly stepId?: string,
  ) {
    super(message);
    this.name = 'HubError';
  }
}

/**
 * A method may settle later (a shell starts asynchronously): the transport reports a rejection as
 * it reports a throw, and calls for one terminal keep their order.
 */
export interface TerminalHub {
  /**
   * Starts the terminal on first use, unless the client may only watch; replays what the client
   * lacks (see `since`).
   */
  attach(client: TerminalClient, message: Omit<AttachMessage, 'type'>): void | Promise<void>;
  detach(client: TerminalClient, terminal: TerminalName): void;
  /** The client's socket is gone: its terminals live on for the grace period. */
  disconnect(client: TerminalClient): void;
  input(client: TerminalClient, terminal: TerminalName, data: string): void | Promise<void>;
  run(client: TerminalClient, message: Omit<RunMessage, 'type'>): void | Promise<void>;
  interrupt(client: TerminalClient, terminal: TerminalName, stepId?: string): void | Promise<void>;
  resize(client: TerminalClient, terminal: TerminalName, cols: number, rows: number): void | Promise<void>;
  ack(client: TerminalClient, terminal: TerminalName, units: number): void;
  close(client: TerminalClient, terminal: TerminalName): void;
  list(): TerminalSummary[];
  /** Kills every terminal's process group (HUP, TERM, KILL) and resolves when all are gone. */
  dispose(): Promise<void>;
}
