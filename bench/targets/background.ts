/**
 * A terminal on the server under test that no page shows: the bench speaks the product's own
 * protocol from Node, types one key every `intervalMs` (as an attendee would) and records how long
 * each echo takes to come back. Used to put 50 terminals on one server at once.
 */
export interface BackgroundTerminal {
  /** Round trips (ms) of keys typed since the terminal opened. */
  readonly echoes: number[];
  startTyping(intervalMs: number): void;
  close(): Promise<void>;
}

/** Types `x`, measures until any output comes back, and rubs the line out now and then. */
export class TypingLoop {
  readonly echoes: number[] = [];
  private timer: NodeJS.Timeout | undefined;
  private sentAt: number | undefined;
  private typed = 0;

  constructor(private readonly send: (data: string) => void) {}

  start(intervalMs: number): void {
    // Spread the terminals' keys over the interval rather than typing all at once.
    const offset = Math.random() * intervalMs;
    this.timer = setTimeout(() => {
      this.timer = setInterval(() => this.tick(), intervalMs);
    }, offset);
  }

  output(): void {
    if (this.sentAt === undefined) return;
    this.echoes.push(performance.now() - this.sentAt);
    this.sentAt = undefined;
  }

  stop(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  private tick(): void {
    if (this.sentAt !== undefined) return; // the last echo has not come back: do not pile up
    this.typed += 1;
    if (this.typed % 40 === 0) return this.send('\u0015'); // Ctrl-U: keep the line short
    this.sentAt = performance.now();
    this.send('x');
  }
}
