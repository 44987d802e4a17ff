/**
 * When a terminal ends by itself: `graceMs` after its last client left (a page reload comes back
 * well within it), or `idleMs` after the last input or output. Neither runs out while a step is
 * running: a quiet `crc start` or an `oc port-forward` with no page open is still wanted.
 */
export type ExpiryReason = 'grace' | 'idle';

export class Lifetime {
  private clients = 0;
  private stepRunning = false;
  private lastActivity = Date.now();
  private graceTimer: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private ended = false;

  constructor(
    private readonly graceMs: number,
    private readonly idleMs: number,
    private readonly expire: (reason: ExpiryReason) => void,
  ) {
    this.armIdle(idleMs);
  }

  activity(): void {
    this.lastActivity = Date.now();
  }

  clientsChanged(count: number): void {
    this.clients = count;
    this.review();
  }

  stepChanged(running: boolean): void {
    this.stepRunning = running;
    this.review();
  }

  dispose(): void {
    this.ended = true;
    clearTimeout(this.graceTimer);
    clearTimeout(this.idleTimer);
  }

  private review(): void {
    const graceApplies = this.clients === 0 && !this.stepRunning;
    if (graceApplies && this.graceTimer === undefined) {
      this.graceTimer = setTimeout(() => this.end('grace'), this.graceMs);
      this.graceTimer.unref();
    } else if (!graceApplies && this.graceTimer !== undefined) {
      clearTimeout(this.graceTimer);
      this.graceTimer = undefined;
    }
  }

  // Re-armed lazily rather than on every chunk of output: activity only moves a timestamp.
  private armIdle(ms: number): void {
    this.idleTimer = setTimeout(() => {
      const quietFor = Date.now() - this.lastActivity;
      if (this.stepRunning || quietFor < this.idleMs) {
        this.armIdle(this.stepRunning ? this.idleMs : this.idleMs - quietFor);
      } else {
        this.end('idle');
      }
    }, ms);
    this.idleTimer.unref();
  }

  private end(reason: ExpiryReason): void {
    if (this.ended) return;
    this.dispose();
    this.expire(reason);
  }
}
