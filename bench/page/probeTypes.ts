/** What the page probe (./probe.ts) measures and answers, as the bench reads it. */
export interface PaintTiming {
  /** The input event's timestamp (ms, page clock). */
  inputAt: number;
  /** When the renderer's change matched. */
  matchedAt: number;
  /** After the frame that drew it. */
  paintedAt: number;
}

export type PaintCondition =
  { kind: 'changed' } | { kind: 'contains'; text: string } | { kind: 'lastLine'; text: string };

export interface FlowFigures {
  receivedUnits: number;
  acknowledgedUnits: number;
  /** Largest (received − acknowledged) seen after any frame, since `flowReset`. */
  maxOutstanding: number;
}

export interface LongTask {
  start: number;
  duration: number;
}

export interface BenchProbe {
  now(): number;
  screen(): string;
  arm(condition: PaintCondition): number;
  wait(id: number, timeoutMs: number): Promise<PaintTiming>;
  longTasks(from: number, to: number): LongTask[];
  flowReset(): void;
  flow(): FlowFigures;
  /** Every WebSocket the page opened or saw close (code, reason), to tell a lost input from a reconnect. */
  sockets(): SocketEvent[];
}

export interface SocketEvent {
  at: number;
  event: 'open' | 'close';
  code?: number;
  reason?: string;
}
