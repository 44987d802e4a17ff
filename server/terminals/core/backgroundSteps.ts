/**
 * A background step (`oc port-forward`) runs in a terminal of its own, so its parent stays free for
 * the next step. Its name is the server's business (the page learns the parent from the `parent`
 * field of the messages, never from the name).
 */
import type { Terminal } from './terminal';

const MAX_NAME = 48;

/** A free name for the next background terminal of `parent`. */
export function backgroundName(parent: Terminal, taken: (name: string) => boolean): string {
  let name: string;
  do {
    const suffix = `.bg-${(parent.backgroundCount += 1)}`;
    name = parent.name.slice(0, MAX_NAME - suffix.length) + suffix;
  } while (taken(name));
  return name;
}

/** The terminal where `parent`'s background step `stepId` still runs, if it does. */
export function backgroundStepOf(
  terminals: Iterable<Terminal>,
  parent: string,
  stepId: string,
): Terminal | undefined {
  for (const terminal of terminals) {
    const of = terminal.background;
    if (of?.parent === parent && of.stepId === stepId && terminal.steps.currentStepId === stepId)
      return terminal;
  }
  return undefined;
}
