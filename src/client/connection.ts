/**
 * The page's one connection to the terminal server: opens the WebSocket with the token, validates
 * every server frame, reconnects with backoff and re-attaches every open terminal from where its
 * screen stopped. Whatever subscribes gets a Disposable; a reconnect swaps the socket and nothing else.
 */
import { CTRL_C, type ClientMessage, type ServerMessage, type TerminalSummary } from '../protocol/messages';
import { DEFAULT_BACKOFF, backoffDelay, type Backoff } from './backoff';
import { Emitter, type Disposable } from '../protocol/disposable';
import { probeUrl, socketUrl, type Endpoint } from './launch';
import { defaultProbe, parseFrame, type SocketConstructor, type SocketLike } from './socket';
import type { TerminalSink, TerminalSize } from './terminalChannel';
import { TerminalChannels } from './terminalChannels';

export type { SocketConstructor, SocketLike } from './socket';

/** `starting`/`unavailable`: a hosted workshop's router waits for the attendee's workspace, or it failed. */
export type ConnectionState =
  'connecting' | 'connected' | 'reconnecting' | 'no-server' | 'refused' | 'starting' | 'unavailable';
/** What this page may do with terminals: type, run and stop, or only watch (an audience window). */
export type Access = 'write' | 'watch';

export interface ConnectionOptions {
  /** Read on every attempt: a start URL opened in another tab brings a new token without a reload. */
  endpoint: () => Endpoint | null;
  WebSocket?: SocketConstructor;
  /** Resolves true when something answers at the server's address (so a failed upgrade was a refusal). */
  probe?: (url: string) => Promise<boolean>;
  backoff?: Backoff;
  /** Failed attempts after a drop that still count as "reconnecting" before saying "no server". */
  patience?: number;
  /** `watch`: every attachment this connection makes is read-only, the ones made ahead of a screen too. */
  access?: Access;
}

const OPEN = 1;

export class TerminalConnection implements Disposable {
  private socket: SocketLike | null = null;
  private current: ConnectionState = 'connecting';
  private failures = 0;
  private everConnected = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly channels: TerminalChannels;
  private readonly stateChanged = new Emitter<ConnectionState>();
  private readonly messages = new Emitter<ServerMessage>();
  /** From the latest `hello`: the terminals that live on the server. */
  serverTerminals: TerminalSummary[] = [];
  /** From the latest `hello`: what the server lets this connection's token do. */
  grantedAccess: Access = 'write';
  /** What this window asked for when it was made (see ConnectionOptions.access). */
  readonly access: Access;

  constructor(private readonly options: ConnectionOptions) {
    this.access = options.access ?? 'write';
    this.channels = new TerminalChannels(
      (m) => this.send(m),
      this.access,
      () => this.grantedAccess,
    );
  }

  get state(): ConnectionState {
    return this.current;
  }

  /** Opens the socket (again, at once, if it is waiting to retry). */
  connect(): void {
    if (this.disposed) return;
    clearTimeout(this.retryTimer);
    if (this.socket) return;
    const endpoint = this.options.endpoint();
    if (!endpoint) return this.setState('no-server');
    const Socket = this.options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor);
    // A retry while we already say "no server" or "refused" keeps saying so until it succeeds.
    if (this.current !== 'no-server' && this.current !== 'refused') {
      this.setState(this.everConnected || this.failures > 0 ? 'reconnecting' : 'connecting');
    }
    const socket = new Socket(socketUrl(endpoint));
    this.socket = socket;
    let greeted = false;
    let unavailable = false;
    socket.onmessage = (event) => {
      const message = parseFrame(event.data);
      if (!message) return;
      if (message.type === 'hello') {
        greeted = true;
        this.greeted(message);
      } else if (message.type === 'workspace') {
        unavailable = message.state === 'failed';
        this.setState(unavailable ? 'unavailable' : 'starting');
      }
      this.route(message);
    };
    socket.onerror = () => {
      // The close event follows and carries what we act on; browsers give no reason here.
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.channels.disconnected();
      // A workspace that could not start would fail the same way again: the page says why and waits.
      if (this.disposed || unavailable) return;
      this.failed(endpoint, greeted);
    };
  }

  onState(listener: (state: ConnectionState) => void): Disposable {
    return this.stateChanged.add(listener);
  }

  onMessage(listener: (message: ServerMessage) => void): Disposable {
    return this.messages.add(listener);
  }

  /**
   * Attaches a terminal whose screen is not there yet (xterm loads on the first Run): the server
   * starts the shell while the page loads xterm, and the output waits for `attach`, which adopts
   * this attachment instead of sending another. `size` is an estimate; `attach` corrects it.
   */
  attachAhead(terminal: string, size: TerminalSize): void {
    this.channels.attachAhead(terminal, size);
  }

  /** Shows a terminal's output in `sink` from now on, across reconnects; dispose to detach. */
  attach(terminal: string, size: TerminalSize, sink: TerminalSink, access: Access = 'write'): Disposable {
    return this.channels.attach(terminal, size, sink, access);
  }

  /** Whether a screen shows this terminal (an attachment still waiting for its screen does not count). */
  isAttached(terminal: string): boolean {
    return this.channels.isAttached(terminal);
  }

  /** Whether the server has been (or is being) asked to attach this terminal, screen or not. */
  isAttaching(terminal: string): boolean {
    return this.channels.isAttaching(terminal);
  }

  input(terminal: string, data: string): boolean {
    const sent = this.send({ type: 'input', terminal, data });
    if (sent && data.includes(CTRL_C)) this.channels.interrupted(terminal);
    return sent;
  }

  run(terminal: string, stepId: string, command: string, background = false): boolean {
    return this.send({ type: 'run', terminal, stepId, command, ...(background ? { background } : {}) });
  }

  /** Ctrl-C for the terminal's foreground job, or a background step by its id. */
  interrupt(terminal: string, stepId?: string): boolean {
    const sent = this.send({ type: 'interrupt', terminal, ...(stepId ? { stepId } : {}) });
    if (sent) this.channels.interrupted(terminal);
    return sent;
  }

  resize(terminal: string, size: TerminalSize): boolean {
    return this.channels.resize(terminal, size);
  }

  /** Ends the terminal's shell on the server (unlike disposing an attach, which only stops watching). */
  close(terminal: string): boolean {
    this.channels.forget(terminal);
    return this.send({ type: 'close', terminal });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.socket?.close(1000, 'page closed');
    this.socket = null;
    this.channels.clear();
    this.stateChanged.clear();
    this.messages.clear();
  }

  private send(message: ClientMessage): boolean {
    if (!this.socket || this.socket.readyState !== OPEN || this.current !== 'connected') return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  private greeted(hello: Extract<ServerMessage, { type: 'hello' }>): void {
    this.everConnected = true;
    this.failures = 0;
    this.serverTerminals = hello.terminals;
    this.grantedAccess = hello.readOnly ? 'watch' : 'write';
    this.setState('connected');
    this.channels.reattachAll();
  }

  private route(message: ServerMessage): void {
    if (this.channels.route(message)) this.messages.emit(message);
  }

  private failed(endpoint: Endpoint, greeted: boolean): void {
    const attempt = this.failures;
    this.failures += 1;
    const patience = this.options.patience ?? 3;
    const stillHopeful = this.everConnected && (greeted || attempt < patience);
    if (stillHopeful) this.setState('reconnecting');
    else void this.diagnose(endpoint);
    const delay = backoffDelay(attempt, this.options.backoff ?? DEFAULT_BACKOFF);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  /** A browser hides why an upgrade failed; if the server answers plain HTTP, it refused our token. */
  private async diagnose(endpoint: Endpoint): Promise<void> {
    const probe = this.options.probe ?? defaultProbe;
    const reachable = await probe(probeUrl(endpoint));
    if (this.disposed || this.current === 'connected' || this.socket?.readyState === OPEN) return;
    this.setState(reachable ? 'refused' : 'no-server');
  }

  private setState(state: ConnectionState): void {
    if (state === this.current) return;
    this.current = state;
    this.stateChanged.emit(state);
  }
}
