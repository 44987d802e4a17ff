/**
 * The terminals one connection has attached, by name: what a (re)connect asks the server for again,
 * where each output frame goes, and what a watcher does when it asks before the shell exists.
 * The socket is not here: a reconnect swaps the socket and keeps every channel.
 */
import type { ClientMessage, ServerMessage } from '../protocol/messages';
import { toDisposable, type Disposable } from '../protocol/disposable';
import type { Access } from './connection';
import { PendingSink, TerminalChannel, type TerminalSink, type TerminalSize } from './terminalChannel';

/** How soon a watcher asks again for a terminal the server does not have yet. */
export const WATCH_RETRY_MS = 1_000;

export class TerminalChannels {
  private readonly channels = new Map<string, TerminalChannel>();
  /** A watcher's attach retries (awaitShell), cancelled when the connection is disposed. */
  private readonly retries = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly send: (message: ClientMessage) => boolean,
    /** What this window asked for: `watch` makes every attachment read-only. */
    private readonly access: Access,
    /** What the server granted, from its latest `hello`. */
    private readonly granted: () => Access,
  ) {}

  /** See TerminalConnection.attachAhead. */
  attachAhead(terminal: string, size: TerminalSize): void {
    if (this.channels.has(terminal)) return;
    this.open(terminal, size, new PendingSink(), this.access);
  }

  attach(terminal: string, size: TerminalSize, sink: TerminalSink, access: Access): Disposable {
    const asked = this.access === 'watch' ? 'watch' : access;
    const ahead = this.channels.get(terminal);
    if (ahead?.pending && ahead.access === asked) {
      ahead.adopt(sink);
      if (ahead.size.cols !== size.cols || ahead.size.rows !== size.rows) this.resize(terminal, size);
      return this.detacher(terminal, ahead);
    }
    ahead?.acks.flush();
    return this.detacher(terminal, this.open(terminal, size, sink, asked));
  }

  isAttached(terminal: string): boolean {
    const channel = this.channels.get(terminal);
    return channel !== undefined && !channel.pending;
  }

  isAttaching(terminal: string): boolean {
    return this.channels.has(terminal);
  }

  resize(terminal: string, size: TerminalSize): boolean {
    const channel = this.channels.get(terminal);
    if (channel) channel.size = size;
    return this.send({ type: 'resize', terminal, ...size });
  }

  interrupted(terminal: string): void {
    this.channels.get(terminal)?.interrupted();
  }

  forget(terminal: string): void {
    this.channels.delete(terminal);
  }

  clear(): void {
    this.channels.clear();
    for (const retry of this.retries) clearTimeout(retry);
    this.retries.clear();
  }

  /** The socket is gone: what was in flight will never be acknowledged. */
  disconnected(): void {
    for (const channel of this.channels.values()) channel.acks.reset();
  }

  /** A new socket: ask again for every terminal, from where its screen stopped. */
  reattachAll(): void {
    for (const channel of this.channels.values()) this.send(channel.attachMessage());
  }

  /** Gives a server message to its channel; false for one the page should not hear of. */
  route(message: ServerMessage): boolean {
    if (message.type === 'output') this.channels.get(message.terminal)?.output(message);
    else if (message.type === 'attached') this.channels.get(message.terminal)?.attached(message);
    // The shell is gone and the server forgot the name: re-attaching would start a new shell.
    else if (message.type === 'exit') this.channels.delete(message.terminal);
    else if (message.type === 'error' && message.code === 'unknown-terminal' && message.terminal) {
      return !this.awaitShell(message.terminal);
    }
    return true;
  }

  /**
   * A watcher's attach can overtake the presenter's own (they reach the server by different
   * connections), and watching starts no shell: the watcher asks again until the shell is there.
   */
  private awaitShell(terminal: string): boolean {
    const channel = this.channels.get(terminal);
    if (!channel || this.granted() !== 'watch') return false;
    const retry = setTimeout(() => {
      this.retries.delete(retry);
      if (this.channels.get(terminal) === channel) this.send(channel.attachMessage());
    }, WATCH_RETRY_MS);
    this.retries.add(retry);
    return true;
  }

  private open(terminal: string, size: TerminalSize, sink: TerminalSink, access: Access): TerminalChannel {
    const channel = new TerminalChannel(terminal, size, access, sink, (units) =>
      this.send({ type: 'ack', terminal, units }),
    );
    this.channels.set(terminal, channel);
    this.send(channel.attachMessage());
    return channel;
  }

  private detacher(terminal: string, channel: TerminalChannel): Disposable {
    return toDisposable(() => {
      if (this.channels.get(terminal) !== channel) return;
      this.channels.delete(terminal);
      this.send({ type: 'detach', terminal });
    });
  }
}
