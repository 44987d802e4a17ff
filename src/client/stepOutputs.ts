/**
 * What each step printed in its latest run (in memory only), for "actual vs recorded". Output is
 * counted by offset, so a replay after a reconnect is not captured twice.
 */
import { OutputOffset, type OutputMessage } from '../protocol/messages';
import { Store } from './store';

/** Enough for any walkthrough step; a runaway `yes` must not grow the page without bound. */
const MAX_CAPTURE = 64 * 1024;

export class StepOutputs extends Store<Readonly<Record<string, string>>> {
  private readonly offsets = new Map<string, OutputOffset>();

  constructor() {
    super({});
  }

  started(stepId: string): void {
    this.update((outputs) => ({ ...outputs, [stepId]: '' }));
  }

  capture(stepId: string | undefined, message: OutputMessage): void {
    let offset = this.offsets.get(message.terminal);
    if (!offset) this.offsets.set(message.terminal, (offset = new OutputOffset(0)));
    const { fresh } = offset.take(message);
    if (!stepId || message.reset || fresh.length === 0) return;
    this.update((outputs) => {
      const before = outputs[stepId] ?? '';
      if (before.length >= MAX_CAPTURE) return outputs;
      return { ...outputs, [stepId]: (before + fresh).slice(0, MAX_CAPTURE) };
    });
  }
}
