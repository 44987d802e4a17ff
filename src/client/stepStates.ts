/**
 * What became of each step, per browser: the server's `step` messages, kept by stable step id in
 * localStorage so that tomorrow's visit shows where the reader stopped. A step that was running
 * when the page went away is not "running" on return unless the server says so again.
 */
import type { StepMessage, StepState } from '../protocol/messages';
import { Store, readStored, writeStored } from './store';

export type StepPhase = 'idle' | StepState;

export interface StepRecord {
  state: StepPhase;
  terminal?: string;
  exitCode?: number;
  durationMs?: number;
  /** 1-based line of a multi-line step that failed. */
  line?: number;
  /** When the step ended (ms since epoch), for "passed yesterday". */
  endedAt?: number;
}

export type StepRecords = Readonly<Record<string, StepRecord>>;

export const STEP_STORAGE_KEY = 'rw:steps';
const FINAL: ReadonlySet<StepPhase> = new Set(['passed', 'failed', 'interrupted']);

export function isFinal(state: StepPhase): boolean {
  return FINAL.has(state);
}

export function isActive(state: StepPhase): boolean {
  return state === 'running' || state === 'waiting-input';
}

export class StepStates extends Store<StepRecords> {
  constructor(private readonly persist: boolean) {
    super(persist ? loadSaved() : {});
  }

  record(stepId: string): StepRecord {
    return this.get()[stepId] ?? { state: 'idle' };
  }

  apply(message: StepMessage): void {
    const next: StepRecord = { state: message.state, terminal: message.terminal };
    if (message.exitCode !== undefined) next.exitCode = message.exitCode;
    if (message.durationMs !== undefined) next.durationMs = message.durationMs;
    if (message.line !== undefined) next.line = message.line;
    if (isFinal(message.state)) next.endedAt = Date.now();
    this.put(message.stepId, next);
  }

  put(stepId: string, record: StepRecord): void {
    // The server confirms what the page already set (a Run's `running`): no re-render, no save.
    const before = this.get()[stepId];
    if (before && sameRecord(before, record)) return;
    this.update((records) => ({ ...records, [stepId]: record }));
    this.save();
  }

  reset(stepIds?: readonly string[]): void {
    if (!stepIds) this.set({});
    else
      this.update((records) => {
        const next = { ...records };
        for (const stepId of stepIds) delete next[stepId];
        return next;
      });
    this.save();
  }

  private save(): void {
    if (!this.persist) return;
    const kept = Object.fromEntries(
      Object.entries(this.get()).filter(([, record]) => record.state !== 'idle'),
    );
    writeStored(STEP_STORAGE_KEY, kept);
  }
}

function sameRecord(a: StepRecord, b: StepRecord): boolean {
  const keys = Object.keys(a) as (keyof StepRecord)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

function loadSaved(): StepRecords {
  const saved = readStored<Record<string, StepRecord>>(STEP_STORAGE_KEY, {}, isRecordMap);
  // A step running when the page went away may have ended since: idle until `hello` says otherwise.
  return Object.fromEntries(
    Object.entries(saved).map(([stepId, record]) => [
      stepId,
      isActive(record.state) ? { state: 'idle' } : record,
    ]),
  );
}

function isRecordMap(value: unknown): value is Record<string, StepRecord> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every(
    (record: unknown) =>
      typeof record === 'object' && record !== null && typeof (record as StepRecord).state === 'string',
  );
}
