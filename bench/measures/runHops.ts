/**
 * A warm Run's way from the click to its first output painted, hop by hop, from the page's probes
 * (page clock): the click (ours) or the Enter (wetty) to the frame that starts it leaving the page;
 * from there until the page handles the output frame that made the visible change (the network both ways,
 * the server, the shell starting the command, its first output, and the page's queue); then the page drawing
 * it. Which frame made the change: the last one received before the renderer changed the screen.
 */
import type { PageKeystroke } from '../page/keystrokeProbe';
import type { PaintTiming } from '../page/probeTypes';

export const RUN_HOPS = [
  ['send', 'click (wetty: Enter) → run frame sent (page: handler, JSON, ws.send)'],
  ['answer', 'run frame sent → frame with the output handled (network, server, shell, command, page queue)'],
  ['draw', 'frame received → xterm rendered it (handler, xterm parse, waiting for a frame)'],
  ['paint', 'rendered → frame painted'],
  ['total', 'total: click → first output painted'],
] as const;

/** Ctrl-C during `yes`, the same hops: the frame sent is the Ctrl-C, the one that drew the change carries the prompt. */
export const CTRL_C_HOPS = [
  ['send', 'Ctrl-C keydown → its input frame sent (the page finishing the task it was in)'],
  ['answer', 'Ctrl-C sent → frame with the prompt handled (server, shell, output in flight, page queue)'],
  ['draw', 'frame received → xterm rendered the prompt (the rest of what was in flight, a frame)'],
  ['paint', 'rendered → frame painted'],
  ['total', 'total: Ctrl-C → prompt painted'],
] as const satisfies readonly (readonly [RunHop, string])[];

export type RunHop = (typeof RUN_HOPS)[number][0];
export type RunSample = Partial<Record<RunHop, number>>;

/** `frames`: what the keystroke probe took during the Run; the last frame sent at or after the input is the Run's. */
export function runSample(paint: PaintTiming, frames: PageKeystroke[]): RunSample {
  const sample: RunSample = {
    total: paint.paintedAt - paint.inputAt,
    paint: paint.paintedAt - paint.matchedAt,
  };
  const run = frames.filter((frame) => frame.sentAt >= paint.inputAt).at(-1);
  if (!run) return sample;
  sample.send = run.sentAt - paint.inputAt;
  const drawn = (run.received ?? []).filter((at) => at <= paint.matchedAt).at(-1);
  if (drawn === undefined) return sample;
  sample.answer = drawn - run.sentAt;
  sample.draw = paint.matchedAt - drawn;
  return sample;
}
