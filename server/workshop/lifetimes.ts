/**
 * What ends on its own: a session at --expires (its seat freed, its workspace stopped), a workspace
 * nobody has used for --idle with no page connected (stopped, its HOME kept; the attendee's next
 * visit starts it again). A tab left open keeps its workspace: the session's end bounds that.
 */
import { PRESENTER_ID, type WorkshopContext } from './context';
import type { Router } from './routing/router';

export interface Lifetimes {
  /** One pass now (the timer runs them every `everyMs`); resolves when its stops are done. */
  sweep(now?: number): Promise<void>;
  stop(): void;
}

export function startLifetimes(context: WorkshopContext, router: Router, everyMs = 30_000): Lifetimes {
  let running: Promise<void> | undefined;

  async function sweep(now = Date.now()): Promise<void> {
    for (const attendee of context.store.expiredAttendees(now)) {
      context.log.info(`the session of ${attendee.displayName} ended (--expires); its workspace stops`);
      context.store.endAttendee(attendee.id, now);
      router.disconnect(attendee.id, 'your workshop session has ended');
      await context.provider.stop(attendee.id);
    }
    const connected = router.connectedWorkspaces();
    for (const workspace of await context.provider.list()) {
      const id = workspace.owner.attendeeId;
      if (workspace.state !== 'ready' || id === PRESENTER_ID || connected.has(id)) continue;
      const attendee = context.store.attendee(id);
      if (attendee && now - attendee.lastActivity >= context.settings.idleMs) {
        context.log.info(
          `the workspace of ${attendee.displayName} was idle for --idle; it stops (HOME kept)`,
        );
        await context.provider.stop(id);
      }
    }
  }

  const timer = setInterval(() => {
    running ??= sweep()
      .catch((error: unknown) => context.log.error('the lifetime sweep failed', error))
      .finally(() => (running = undefined));
  }, everyMs);
  timer.unref();
  return { sweep, stop: () => clearInterval(timer) };
}
