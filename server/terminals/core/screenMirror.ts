/**
 * A headless xterm fed the same stream as the clients, so that a client that lacks more than the
 * replay ring holds (or has nothing yet) gets the screen as it is, serialized, instead of a
 * tail of raw output that starts in the middle of an escape sequence.
 */
import { Terminal } from '@xterm/headless';
import { SerializeAddon } from '@xterm/addon-serialize';

export interface Snapshot {
  /** The screen (and scrollback) as escape sequences that rebuild it. */
  data: string;
  /** The stream offset the snapshot reflects. */
  offset: number;
}

export class ScreenMirror {
  private readonly terminal: Terminal;
  private readonly serializer = new SerializeAddon();
  private written = 0;
  private parsed = 0;
  private disposed = false;

  constructor(cols: number, rows: number, scrollback: number) {
    this.terminal = new Terminal({ cols, rows, scrollback, allowProposedApi: true });
    this.terminal.loadAddon(this.serializer);
  }

  /** Units written but not parsed yet: xterm parses in slices on the event loop. */
  get backlog(): number {
    return this.written - this.parsed;
  }

  write(text: string, parsed?: () => void): void {
    this.written += text.length;
    this.terminal.write(text, () => {
      this.parsed += text.length;
      parsed?.();
    });
  }

  /** Applied in order with the output around it. */
  resize(cols: number, rows: number): void {
    this.terminal.write('', () => this.terminal.resize(cols, rows));
  }

  /** Resolves once everything written so far is parsed; `maxScrollback` bounds the size. */
  snapshot(maxScrollback?: number): Promise<Snapshot> {
    return new Promise((resolve) => {
      this.terminal.write('', () =>
        resolve({
          // A terminal ended meanwhile has no screen left to read (and no client left to send it to).
          data: this.disposed
            ? ''
            : this.serializer.serialize(maxScrollback === undefined ? {} : { scrollback: maxScrollback }),
          offset: this.parsed,
        }),
      );
    });
  }

  dispose(): void {
    this.disposed = true;
    this.terminal.dispose();
  }
}
