/**
 * The run and stop keys: what "this slide's step" means. A slide holds at most one step as the
 * deck cuts it, but a page may still put several in one place; then `r` runs the first that has
 * not passed yet, so pressing it again walks through them.
 */
import { runStep, stopStep } from '../../client/runSteps';
import type { Runtime } from '../../client/runtime';
import { isShownIn } from '../../client/stepSetting';
import { isActive } from '../../client/stepStates';
import type { StepSetting, StepSummary } from '../../remark/stepModel';

export type StepKeyResult = { kind: 'done'; message: string } | { kind: 'problem'; message: string };

function slideSteps(steps: readonly StepSummary[], stepIds: readonly string[]): StepSummary[] {
  return stepIds.flatMap((id) => steps.find((step) => step.id === id) ?? []);
}

export function stepToRun(
  runtime: Runtime,
  steps: readonly StepSummary[],
  stepIds: readonly string[],
): StepSummary | null {
  const candidates = slideSteps(steps, stepIds).filter((step) => !step.norun);
  const notPassed = candidates.find((step) => runtime.steps.record(step.id).state !== 'passed');
  return notPassed ?? candidates[0] ?? null;
}

export async function runSlideStep(
  runtime: Runtime,
  steps: readonly StepSummary[],
  stepIds: readonly string[],
  setting: StepSetting,
): Promise<StepKeyResult> {
  const running = slideSteps(steps, stepIds).find((step) => isActive(runtime.steps.record(step.id).state));
  if (running) return { kind: 'problem', message: `"${titleOf(running)}" is still running: s stops it.` };
  const step = stepToRun(runtime, steps, stepIds);
  if (!step) return { kind: 'problem', message: noStepMessage(steps, setting) };
  const result = await runStep(runtime, step);
  if (!result.ok) return { kind: 'problem', message: result.error.message };
  const end = result.end;
  const how = end ? `${end.state}${end.exitCode === undefined ? '' : ` (exit ${end.exitCode})`}` : 'started';
  return { kind: 'done', message: `"${titleOf(step)}": ${how}` };
}

export function stopSlideStep(
  runtime: Runtime,
  steps: readonly StepSummary[],
  stepIds: readonly string[],
): StepKeyResult {
  const running = slideSteps(steps, stepIds).find((step) => isActive(runtime.steps.record(step.id).state));
  if (!running) return { kind: 'problem', message: 'Nothing on this slide is running.' };
  if (!stopStep(runtime, running))
    return { kind: 'problem', message: 'The terminal server is not connected.' };
  return { kind: 'done', message: `Stopping "${titleOf(running)}"…` };
}

/**
 * A slide whose only step belongs to the other setting (`crc start` in a hosted workshop) shows no
 * step at all: say why, or a presenter who rehearsed on a laptop takes `r` for broken.
 */
export function noStepMessage(steps: readonly StepSummary[], setting: StepSetting): string {
  if (steps.every((step) => isShownIn(step, setting))) return 'This slide has no step to run.';
  return setting === 'hosted'
    ? 'This slide has no step to run in a hosted workshop: its laptop-only steps are hidden here.'
    : 'This slide has no step to run on a laptop: its hosted-only steps are hidden here.';
}

function titleOf(step: StepSummary): string {
  return step.title ?? `step ${step.index + 1}`;
}
