/** Telling whoever holds a connection that a workspace is still starting (see EndpointOptions.onWaiting). */
import type { EndpointOptions } from './workspaceProvider';

/** How often a wait is reported: often enough for a page's seconds counter to move every second. */
export const WAIT_REPORT_EVERY_MS = 1_000;

/** Resolves as `work` does, reporting the wait about once a second meanwhile. */
export async function reportingWait<T>(
  work: Promise<T>,
  onWaiting: EndpointOptions['onWaiting'],
  detail: string,
): Promise<T> {
  if (!onWaiting) return work;
  const started = Date.now();
  const timer = setInterval(
    () => onWaiting({ elapsedMs: Date.now() - started, detail }),
    WAIT_REPORT_EVERY_MS,
  );
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
