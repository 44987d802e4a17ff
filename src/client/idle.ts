/**
 * Runs `run` when the page is idle, or after `timeoutMs` at the latest; returns what cancels it.
 * Where there is no requestIdleCallback (Safari), a short timer stands in for it.
 */
export function whenIdle(run: () => void, timeoutMs: number): () => void {
  if (window.requestIdleCallback) {
    const handle = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(run, 200);
  return () => window.clearTimeout(handle);
}
