/**
 * What each step printed in its latest run (in memory only), for "actual vs recorded". Output is
 * counted by offset, so a replay after a reconnect is not captured twice.
 */
import type { OutputMessage } from '../protocol/messages';
import { Store } from './store';

/** Enough for any walkthrough step; a runaway `yes` must not grow the page without bound. */
const MAX_CAPTURE = 64 * 1024;

export class StepOutputs extends Store<Readonly<Record<string, string>>> {
  private readonly seen = new Map<string, number>();

  constructor() {
    super({});
  }

  started(stepId: string): void {
    this.update((outputs) => ({ ...outputs, [stepId]: '' }));
  }

  capture(stepId: string | undefined, message: OutputMessage): void {
    const seen = this.seen.get(message.terminal) ?? 0;
    const end = message.seq + message.data.length;
    if (end <= seen && !message.reset) return;
    this.seen.set(message.terminal, end);
    if (!stepId || message.reset) return;
    const fresh = message.data.slice(Math.max(0, seen - message.seq));
    this.update((outputs) => {
      const before = outputs[stepId] ?? '';
      if (before.length >= MAX_CAPTURE) return outputs;
      return { ...outputs, [stepId]: (before + fresh).slice(0, MAX_CAPTURE) };
    });
  }
}
