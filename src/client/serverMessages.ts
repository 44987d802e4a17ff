/**
 * What the page does about each server message, as a pure function: from the message and what the
 * page knows now, the effects to apply (the Runtime applies them to its stores). Kept apart from
 * the stores and the DOM so that it reads as one table and is tested without a browser.
 */
import type {
  ErrorMessage,
  OutputMessage,
  ServerMessage,
  StepMessage,
  WorkspaceMessage,
} from '../protocol/messages';
import { isActive, type StepRecords } from './stepStates';

/** Which step holds each terminal's foreground, as far as the page knows. */
export type Busy = Readonly<Record<string, string>>;

export interface PageFacts {
  busy: Busy;
  steps: StepRecords;
  /** Tabs the dock shows now. */
  openTabs: readonly string[];
  /** Server tabs open when the page was last left. */
  savedTabs: readonly string[];
}

export type Effect =
  | { type: 'busy'; busy: Busy }
  /** A step the server says runs, which the page did not know about (a reload). */
  | { type: 'step-running'; stepId: string; terminal: string }
  | { type: 'step'; message: StepMessage }
  /** A new run of the step: its captured output starts empty. */
  | { type: 'output-restarts'; stepId: string }
  | { type: 'capture'; stepId: string | undefined; message: OutputMessage }
  /** Shows a terminal's tab without taking the focus. */
  | { type: 'open-tab'; terminal: string }
  | { type: 'tab-ended'; terminal: string }
  | { type: 'error'; message: ErrorMessage }
  /** A hosted workshop's router on the attendee's workspace: still starting, or it failed to. */
  | { type: 'workspace'; message: WorkspaceMessage };

export function effectsOf(message: ServerMessage, facts: PageFacts): Effect[] {
  switch (message.type) {
    case 'hello': {
      const running = message.terminals.flatMap((t) => (t.stepId ? [[t.name, t.stepId] as const] : []));
      const effects: Effect[] = [{ type: 'busy', busy: Object.fromEntries(running) }];
      for (const [terminal, stepId] of running) {
        if (!isActive(facts.steps[stepId]?.state ?? 'idle'))
          effects.push({ type: 'step-running', stepId, terminal });
      }
      const alive = new Set(message.terminals.map((t) => t.name));
      for (const name of facts.savedTabs) {
        if (alive.has(name) && !facts.openTabs.includes(name))
          effects.push({ type: 'open-tab', terminal: name });
      }
      return effects;
    }
    case 'step': {
      const effects: Effect[] = [];
      // Only a new run starts the capture afresh: waiting-input → running is the same run (a poll
      // that notices the keyboard answered can come after the output the answer caused).
      if (message.state === 'running' && !isActive(facts.steps[message.stepId]?.state ?? 'idle')) {
        effects.push({ type: 'output-restarts', stepId: message.stepId });
      }
      effects.push({ type: 'step', message });
      // A background step runs in a terminal of its own (it has a parent): show it, without the focus.
      if (
        message.state === 'running' &&
        message.parent !== undefined &&
        !facts.openTabs.includes(message.terminal)
      ) {
        effects.push({ type: 'open-tab', terminal: message.terminal });
      }
      const busy = { ...facts.busy };
      if (isActive(message.state)) busy[message.terminal] = message.stepId;
      else if (busy[message.terminal] === message.stepId) delete busy[message.terminal];
      effects.push({ type: 'busy', busy });
      return effects;
    }
    case 'exit': {
      const busy = { ...facts.busy };
      delete busy[message.terminal];
      return [
        { type: 'tab-ended', terminal: message.terminal },
        { type: 'busy', busy },
      ];
    }
    case 'error':
      return [{ type: 'error', message }];
    case 'output':
      return [{ type: 'capture', stepId: facts.busy[message.terminal], message }];
    case 'attached':
      return [];
    case 'workspace':
      return [{ type: 'workspace', message }];
    default:
      return assertUnhandled(message);
  }
}

function assertUnhandled(message: never): Effect[] {
  console.warn('[runner] unhandled server message', message);
  return [];
}
