/**
 * What the shell's own marks say about it (OSC 133, see shellMarks.ts): whether it sits at a
 * prompt, runs a command line, or is between the two, and whether keys reached the prompt since it
 * was drawn. The step runner asks; only the marks and the keys change the answers.
 */
import { type MarkedPiece, type ShellMark, ShellMarkParser } from './shellMarks';

export type ShellState = 'starting' | 'prompt' | 'executing';

export class ShellTracker {
  private state: ShellState = 'starting';
  private typed = false;
  private lastOutput = 0;
  private readonly parser: ShellMarkParser;

  constructor(nonce: string) {
    this.parser = new ShellMarkParser(nonce);
  }

  /** Output as it came from the shell: the text and the marks in it, in order (marks taken out). */
  read(raw: string, now = Date.now()): MarkedPiece[] {
    this.lastOutput = now;
    return this.parser.feed(raw);
  }

  /** Applies one of the shell's marks. */
  marked(mark: ShellMark): void {
    if (mark.kind === 'B') {
      this.state = 'prompt';
      this.typed = false;
    } else if (mark.kind === 'C') {
      this.state = 'executing';
    } else if (mark.kind === 'D' && this.state === 'executing') {
      this.state = 'starting';
    }
  }

  /** Keys went to the shell (from a client). */
  keysTyped(): void {
    if (this.state === 'prompt') this.typed = true;
  }

  /** The line at the prompt was abandoned (Ctrl-C): no prompt until the shell draws a new one. */
  lineAbandoned(): void {
    this.typed = false;
    this.state = 'starting';
  }

  get atPrompt(): boolean {
    return this.state === 'prompt';
  }

  get executing(): boolean {
    return this.state === 'executing';
  }

  /** Keys reached the prompt since it was drawn: a step must clear the line first. */
  get typedSincePrompt(): boolean {
    return this.typed;
  }

  /** Milliseconds since the shell last printed anything. */
  quietFor(now = Date.now()): number {
    return now - this.lastOutput;
  }
}
