/**
 * The client half of flow control (xterm.js flow-control guide): the server counts units it sent
 * and pauses the shell above its high watermark; we give units back once xterm has *written* them
 * (its write callback), so a slow screen slows the shell instead of filling memory. Acks go out
 * in batches: one per `batchUnits`, or when nothing is left in xterm's queue.
 */
import { FLOW_CONTROL } from '../protocol/messages';

/** Under the server's low watermark (the invariant is in src/protocol/flowControl.ts). */
export const ACK_BATCH_UNITS = FLOW_CONTROL.ackBatch;

export class AckBatcher {
  private pending = 0;
  private outstanding = 0;
  private generation = 0;

  constructor(
    private readonly sendAck: (units: number) => void,
    private readonly batchUnits = ACK_BATCH_UNITS,
  ) {}

  /** A chunk was handed to the screen; call the returned function from its write callback. */
  track(units: number): () => void {
    this.outstanding += 1;
    const generation = this.generation;
    let called = false;
    return () => {
      if (called || generation !== this.generation) return;
      called = true;
      this.outstanding -= 1;
      this.pending += units;
      if (this.pending >= this.batchUnits || this.outstanding === 0) this.flush();
    };
  }

  flush(): void {
    if (this.pending === 0) return;
    const units = this.pending;
    this.pending = 0;
    this.sendAck(units);
  }

  /** A new socket starts a new count on the server: forget what the old one was owed. */
  reset(): void {
    this.pending = 0;
    this.outstanding = 0;
    this.generation += 1;
  }
}
