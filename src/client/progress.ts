/** A page's progress from its steps' states: what "finished" means for the sidebar and the page. */
import type { StepSummary, StepsSummary } from '../remark/stepModel';
import { walkthroughOf } from '../remark/walkthroughs';
import type { StepRecords } from './stepStates';

export interface PageProgress {
  /** Steps that count: runnable and not background (a port-forward never "passes"; it is stopped). */
  total: number;
  passed: number;
  failed: number;
  finished: boolean;
}

export function pageProgress(steps: readonly StepSummary[], records: StepRecords): PageProgress {
  const counted = steps.filter((step) => !step.norun && !step.background);
  const states = counted.map((step) => records[step.id]?.state ?? 'idle');
  const passed = states.filter((state) => state === 'passed').length;
  return {
    total: counted.length,
    passed,
    failed: states.filter((state) => state === 'failed').length,
    finished: counted.length > 0 && passed === counted.length,
  };
}

/** The progress of a whole walkthrough: every step of every page in it (see src/remark/walkthroughs.ts). */
export function walkthroughProgress(
  manifest: StepsSummary | undefined,
  walkthrough: string,
  records: StepRecords,
): PageProgress {
  const steps = (manifest?.pages ?? [])
    .filter((page) => walkthroughOf(page.pageId) === walkthrough)
    .flatMap((page) => page.steps);
  return pageProgress(steps, records);
}
