/**
 * The flow-control numbers both ends must agree on (as VS Code keeps `FlowControlConstants` in its
 * common layer): the server counts UTF-16 units it sent to a client and not yet acknowledged, pauses
 * the shell while any writing client owes more than the high watermark and resumes once all are
 * under the low one; the page acknowledges units once its screen has written them, in batches.
 *
 * The invariant: a page holds back at most one batch less a unit, so the batch must stay under the
 * low watermark, or a page that has drawn everything could still owe enough to keep a shell
 * paused for good.
 *
 * Past a flood's first MiB the server stops holding the shell back for a page that falls behind:
 * it sends the page the screen as it is, a few times a second, instead of every line
 * (server/terminals/core/flowControl.ts, "fast-forwarded"). The page needs nothing for that but to
 * take a `reset` frame as it always has.
 */
export const FLOW_CONTROL = {
  /**
   * Units sent and not yet acknowledged at which the server pauses the shell. What a client may
   * owe at most is this plus a frame (the goal: under 500 KB), and what its screen must still draw
   * after Ctrl-C before the prompt: a browser's screen draws `yes` at ~5 MB/s. Measured in the page
   * (Chromium, DOM renderer, output fed a slice per task by WritePacer), Ctrl-C during `yes` → prompt
   * painted p50: 128 KiB 61-81 ms, 96 KiB 63-71, 64 KiB 40 (low mark 32 KiB; 53-55 with 48 KiB),
   * for cat 6.0-6.9 → 5.3-5.4 MB/s: a felt latency bought with a tenth of a flood's speed.
   */
  highWatermark: 64 * 1024,
  /**
   * Every client must be under this before the shell resumes: half the high mark, so that a pause
   * ends while output is still on its way (a low mark near zero let the pipe run dry for a whole
   * ack round trip at every pause).
   */
  lowWatermark: 32 * 1024,
  /** The page acknowledges once this many units are written, or when its screen's queue is empty. */
  ackBatch: 8 * 1024,
} as const;

/** Throws at load if the numbers above break their invariant (a test holds them to it too). */
export function checkFlowControl(flow: typeof FLOW_CONTROL = FLOW_CONTROL): void {
  if (!(flow.ackBatch < flow.lowWatermark && flow.lowWatermark < flow.highWatermark)) {
    throw new Error(
      `flow control: need ack batch (${flow.ackBatch}) < low watermark (${flow.lowWatermark}) < high watermark (${flow.highWatermark})`,
    );
  }
}

checkFlowControl();
