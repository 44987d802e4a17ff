/**
 * Ctrl-C, SIGTERM or a closed terminal window stop everything this process started. A second
 * signal while stopping means "now": the process exits at once (children were already signalled).
 */
import type { Logger } from '../log';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/**
 * A signal this soon after the first is the same Ctrl-C arriving twice (the terminal signals the
 * whole job, and a wrapper such as tsx may relay it again), not an impatient second press.
 */
const SAME_PRESS_MS = 1_000;

export function stopOnSignals(stop: (reason: string) => Promise<void>, log: Logger): void {
  let firstAt: number | undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt !== undefined) {
      if (Date.now() - firstAt < SAME_PRESS_MS) return;
      log.warn(`${signal} again: exiting without waiting for the shells to end`);
      process.exit(1);
    }
    firstAt = Date.now();
    stop(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('stopping failed', error);
        process.exit(1);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
}
