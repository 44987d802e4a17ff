/** Reconnection delays: doubling from `initialMs` up to `maxMs`, with jitter so that many tabs
 * (or a whole workshop room after a wifi hiccup) do not knock on the server at the same instant. */
export interface Backoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { initialMs: 500, maxMs: 8_000 };

/** The delay before retry number `attempt` (0-based): half fixed, half random ("equal jitter"). */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}
