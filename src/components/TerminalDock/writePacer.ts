/**
 * Feeds a terminal one slice of output per task. xterm parses what it holds in tasks of up to
 * 12 ms (and a whole write in one go), with a frame between them: while a flood streams in, a key
 * pressed waited behind both, so Ctrl-C during `yes` reached the shell 10-40 ms late. A slice per
 * task lets input in between. The first slice after a pause is written at once, so an echo still
 * takes xterm's parse-at-once path for output that follows a keystroke. A snapshot (the write
 * after a reset) goes in whole: it is bounded (the screen and 1000 rows, ~80 KB), and drawn a slice
 * at a time the page painted a frame per slice of a screen being rebuilt, ~150 ms a snapshot while
 * the server fast-forwarded a flood.
 */
import type { Disposable } from '../../protocol/disposable';

/** Units per slice: small enough that its parse is a short task (~1 ms here), large enough to stay cheap. */
export const WRITE_SLICE = 4096;

export interface PacedScreen {
  write(data: string, parsed?: () => void): void;
  reset(): void;
}

/** Parsing per task before input and frames get their turn (xterm's own is 12 ms). */
const TASK_BUDGET_MS = 5;

type Queued = { data: string; done: (() => void) | undefined } | 'reset';

export class WritePacer implements Disposable {
  private readonly queue: Queued[] = [];
  private writing = false;
  private taskStart = 0;
  private disposed = false;
  /** The next write is the snapshot that follows a reset. */
  private snapshotNext = false;
  private readonly channel = new MessageChannel();

  constructor(private readonly screen: PacedScreen) {
    this.channel.port1.onmessage = () => {
      this.taskStart = performance.now();
      this.next();
    };
  }

  /** `done` runs once the last slice of `data` is parsed. */
  write(data: string, done?: () => void): void {
    const slice = this.snapshotNext ? data.length : WRITE_SLICE;
    this.snapshotNext = false;
    for (let at = 0; at < data.length; at += slice) {
      const last = at + slice >= data.length;
      this.queue.push({ data: data.slice(at, at + slice), done: last ? done : undefined });
    }
    if (data.length === 0 && done) this.queue.push({ data: '', done });
    this.start();
  }

  /**
   * Ctrl-C was pressed: what is queued goes to the screen now, to be parsed in xterm's own long
   * tasks and drawn in one frame, rather than a slice and a frame at a time. Nothing is dropped.
   */
  hurry(): void {
    while (this.queue.length > 0 && this.queue[0] !== 'reset') {
      const item = this.queue.shift() as Exclude<Queued, 'reset'>;
      this.screen.write(item.data, item.done);
    }
  }

  /** In order with the writes around it. */
  reset(): void {
    this.snapshotNext = true;
    this.queue.push('reset');
    this.start();
  }

  dispose(): void {
    this.disposed = true;
    this.queue.length = 0;
    this.channel.port1.close();
  }

  private start(): void {
    if (this.writing) return;
    this.writing = true;
    this.taskStart = performance.now();
    this.next();
  }

  private next(): void {
    if (this.disposed) return;
    let item = this.queue.shift();
    while (item === 'reset') {
      this.screen.reset();
      item = this.queue.shift();
    }
    if (!item) {
      this.writing = false;
      return;
    }
    const { done } = item;
    // xterm keeps a split surrogate pair for the next slice, so slicing anywhere is safe.
    this.screen.write(item.data, () => {
      done?.();
      // Within the task's budget, the next slice joins xterm's parse loop at once.
      if (performance.now() - this.taskStart < TASK_BUDGET_MS) this.next();
      else this.channel.port2.postMessage(null);
    });
  }
}
