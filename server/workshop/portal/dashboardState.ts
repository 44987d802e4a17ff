/**
 * What the instructor's dashboard shows, computed from the store: one row per attendee, one cell
 * per page (steps passed and failed, the step they are stuck on and since when), last activity.
 */
import { walkthroughOf } from '../../../src/remark/walkthroughs';
import { readManifest } from '../siteManifest';
import type { WorkshopContext } from '../context';

export interface PageCell {
  readonly passed: number;
  readonly failed: number;
  /** The latest step that failed or still runs, with when it started: where help is needed. */
  readonly stuck?: {
    readonly stepId: string;
    /** As the page names it ("create a project/namespace"), or "step 3" when it has no title. */
    readonly title: string;
    readonly state: string;
    readonly since: number;
  };
}

export interface AttendeeRow {
  readonly id: string;
  readonly name: string;
  readonly joinedAt: number;
  readonly lastActivity: number;
  readonly workspace: string;
  readonly pages: Record<string, PageCell>;
}

export interface DashboardState {
  readonly now: number;
  readonly seats: number;
  readonly pages: { readonly id: string; readonly title: string; readonly steps: number }[];
  readonly attendees: AttendeeRow[];
}

export async function dashboardState(context: WorkshopContext, now = Date.now()): Promise<DashboardState> {
  const manifest = readManifest(context.settings.siteDir);
  const progress = context.store.progress();
  // The site's first walkthrough, and any other page someone has run a step of: the authoring guide's
  // examples are steps too, and would otherwise be columns of dashes in every workshop.
  const used = new Set(progress.map((step) => step.pageId));
  const pages = (manifest?.pages ?? [])
    .filter((page) => page.steps.length > 0 && (walkthroughOf(page.pageId) === '' || used.has(page.pageId)))
    .map((page) => ({ id: page.pageId, title: page.title, steps: page.steps.length }));
  const titles = new Map(
    (manifest?.pages ?? []).flatMap((page) =>
      page.steps.map((step, index) => [step.id, step.title ?? `step ${index + 1}`] as const),
    ),
  );
  const workspaces = new Map((await context.provider.list()).map((w) => [w.owner.attendeeId, w.state]));
  const attendees = context.store.activeAttendees().map((attendee) => {
    const cells: Record<string, { passed: number; failed: number; stuck?: PageCell['stuck'] }> = {};
    for (const step of progress) {
      if (step.attendeeId !== attendee.id) continue;
      const cell = (cells[step.pageId] ??= { passed: 0, failed: 0 });
      if (step.state === 'passed') cell.passed += 1;
      if (step.state === 'failed' || step.state === 'interrupted') cell.failed += 1;
      if (step.state !== 'passed' && (!cell.stuck || step.updatedAt >= cell.stuck.since))
        cell.stuck = {
          stepId: step.stepId,
          title: titles.get(step.stepId) ?? step.stepId.split('/').pop() ?? step.stepId,
          state: step.state,
          since: step.startedAt,
        };
    }
    return {
      id: attendee.id,
      name: attendee.displayName,
      joinedAt: attendee.joinedAt,
      lastActivity: attendee.lastActivity,
      workspace: workspaces.get(attendee.id) ?? 'none',
      pages: cells,
    };
  });
  return { now, seats: context.settings.seats, pages, attendees };
}
