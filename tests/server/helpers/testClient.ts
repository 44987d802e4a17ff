/**
 * A terminal-server client for tests, speaking the real protocol over a real WebSocket (`ws`):
 * connect with a token and an Origin, send messages (or raw frames), and await server messages
 * by predicate. Messages are kept in arrival order; `next` consumes the first that matches.
 */
import WebSocket from 'ws';
import { TOKEN_PARAM, type ClientMessage, type ServerMessage } from '../../../src/protocol/messages';
// The strict check: the tests hold every frame the server sends to the schemas.
import { validateServerMessage } from '../../../src/protocol/schemas';

export interface Closed {
  code: number;
  reason: string;
}

export class ClosedError extends Error {
  constructor(
    readonly closed: Closed,
    waitingFor: string,
  ) {
    super(`socket closed (${closed.code} ${closed.reason}) while waiting for ${waitingFor}`);
  }
}

export interface ConnectOptions {
  token?: string;
  /** Sent as the Origin header; omit for a tool-like client without one. */
  origin?: string;
  headers?: Record<string, string>;
  /** false: ignore the server's pings, like a peer that vanished without closing. */
  autoPong?: boolean;
}

type Waiter = {
  accept: (message: ServerMessage) => boolean;
  resolve: (m: ServerMessage) => void;
  reject: (e: Error) => void;
  what: string;
};

export class TestClient {
  /** Every message received and not yet consumed by `next`. */
  readonly pending: ServerMessage[] = [];
  /** Every message received, consumed or not. */
  readonly received: ServerMessage[] = [];
  readonly closed: Promise<Closed>;
  private closedWith: Closed | undefined;
  private waiters: Waiter[] = [];

  private constructor(readonly socket: WebSocket) {
    this.closed = new Promise((resolve) => {
      socket.on('close', (code, reason) => {
        this.closedWith = { code, reason: reason.toString() };
        for (const waiter of this.waiters.splice(0))
          waiter.reject(new ClosedError(this.closedWith, waiter.what));
        resolve(this.closedWith);
      });
    });
    socket.on('message', (data, isBinary) => this.receive(isBinary ? '<binary>' : data.toString()));
  }

  /** Opens a connection; rejects with the HTTP status if the server refuses the upgrade. */
  static connect(wsUrl: string, options: ConnectOptions = {}): Promise<TestClient> {
    const url = new URL(wsUrl);
    if (options.token !== undefined) url.searchParams.set(TOKEN_PARAM, options.token);
    const socket = new WebSocket(url, {
      autoPong: options.autoPong ?? true,
      headers: { ...options.headers, ...(options.origin === undefined ? {} : { Origin: options.origin }) },
    });
    return new Promise((resolve, reject) => {
      const client = new TestClient(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_request, response) => {
        reject(new Error(`upgrade refused: HTTP ${response.statusCode}`));
        socket.terminate();
      });
      socket.once('error', reject);
    });
  }

  send(message: ClientMessage): void {
    this.socket.send(JSON.stringify(message));
  }

  /** Sends a frame as is: text that need not be JSON, or binary. */
  sendRaw(frame: string | Buffer): void {
    this.socket.send(frame, { binary: Buffer.isBuffer(frame) });
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Resolves with the first unconsumed message that matches, waiting if none has come yet. */
  next<T extends ServerMessage>(
    accept: (message: ServerMessage) => message is T,
    timeoutMs?: number,
    what?: string,
  ): Promise<T>;
  next(
    accept: (message: ServerMessage) => boolean,
    timeoutMs?: number,
    what?: string,
  ): Promise<ServerMessage>;
  next(
    accept: (message: ServerMessage) => boolean,
    timeoutMs = 10_000,
    what = accept.toString(),
  ): Promise<ServerMessage> {
    const index = this.pending.findIndex(accept);
    if (index >= 0) return Promise.resolve(this.pending.splice(index, 1)[0] as ServerMessage);
    if (this.closedWith) return Promise.reject(new ClosedError(this.closedWith, what));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        const seen = this.received.slice(-5).map((m) => JSON.stringify(m).slice(0, 200));
        reject(
          new Error(
            `timed out after ${timeoutMs} ms waiting for ${what}; last messages: ${seen.join(' | ')}`,
          ),
        );
      }, timeoutMs);
      const waiter: Waiter = {
        accept,
        what,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Output of one terminal received so far, joined (consumed or not). */
  output(terminal: string): string {
    return this.received
      .filter(
        (m): m is Extract<ServerMessage, { type: 'output' }> =>
          m.type === 'output' && m.terminal === terminal,
      )
      .map((m) => m.data)
      .join('');
  }

  async close(): Promise<Closed> {
    if (this.socket.readyState === WebSocket.CONNECTING || this.socket.readyState === WebSocket.OPEN)
      this.socket.close();
    return this.closed;
  }

  private receive(frame: string): void {
    const parsed = validateServerMessage(frame);
    if (!parsed.ok)
      throw new Error(`the server sent a frame that breaks the protocol: ${frame.slice(0, 200)}`);
    const message = parsed.message;
    this.received.push(message);
    const waiter = this.waiters.find((w) => w.accept(message));
    if (waiter) {
      this.waiters = this.waiters.filter((w) => w !== waiter);
      waiter.resolve(message);
    } else {
      this.pending.push(message);
    }
  }
}

/** Predicates for `next`, so tests read as what they wait for. */
export const is = {
  hello: (m: ServerMessage): m is Extract<ServerMessage, { type: 'hello' }> => m.type === 'hello',
  error: (m: ServerMessage): m is Extract<ServerMessage, { type: 'error' }> => m.type === 'error',
  attached:
    (terminal: string) =>
    (m: ServerMessage): m is Extract<ServerMessage, { type: 'attached' }> =>
      m.type === 'attached' && m.terminal === terminal,
  stepEnded:
    (stepId: string) =>
    (m: ServerMessage): m is Extract<ServerMessage, { type: 'step' }> =>
      m.type === 'step' && m.stepId === stepId && m.state !== 'running' && m.state !== 'waiting-input',
};

/**
 * The process id of the shell in `terminal`, asked of the shell itself (`$$`): the protocol never
 * carries it. Runs a step, so call it at a prompt.
 */
export async function shellPidOf(client: TestClient, terminal = 'main'): Promise<number> {
  const stepId = `pid-${Math.random().toString(36).slice(2)}`;
  const before = client.output(terminal).length;
  client.send({ type: 'run', terminal, stepId, command: 'echo "shell-pid=$$"' });
  await client.next(is.stepEnded(stepId), 30_000);
  const found = /shell-pid=(\d+)/.exec(client.output(terminal).slice(before));
  if (!found) throw new Error(`no shell pid in the output of ${terminal}`);
  return Number(found[1]);
}
