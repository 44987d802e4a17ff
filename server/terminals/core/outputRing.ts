/**
 * The recent output of one terminal, addressed by stream offset (UTF-16 units since the terminal
 * started), so that a re-attaching client gets exactly what it lacks. Bounded: whole chunks fall
 * off the front once the ring holds more than its capacity.
 */
export class OutputRing {
  private readonly chunks: string[] = [];
  private first = 0;
  private held = 0;

  constructor(readonly capacity: number) {}

  /** The offset of the oldest unit still held. */
  get start(): number {
    return this.first;
  }

  /** The offset just past the newest unit: the total output so far. */
  get end(): number {
    return this.first + this.held;
  }

  append(text: string): void {
    if (text.length === 0) return;
    this.chunks.push(text);
    this.held += text.length;
    while (this.held > this.capacity && this.chunks.length > 1) {
      const dropped = this.chunks.shift() ?? '';
      this.first += dropped.length;
      this.held -= dropped.length;
    }
  }

  /** Everything from `offset` to the end, or undefined when `offset` is not inside the ring. */
  since(offset: number): string | undefined {
    if (offset < this.first || offset > this.end) return undefined;
    let skip = offset - this.first;
    const parts: string[] = [];
    for (const chunk of this.chunks) {
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      parts.push(skip > 0 ? chunk.slice(skip) : chunk);
      skip = 0;
    }
    return parts.join('');
  }
}
