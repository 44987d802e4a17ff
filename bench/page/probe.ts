/**
 * What the bench installs in every page before the page's own scripts run (`addInitScript`). It
 * must be self-contained: Playwright serialises the function's source into the page.
 *
 * "Painted" is decided the same way for both products: after a renderer has drawn (ours: xterm's
 * DOM renderer replaces the rows of `.xterm-rows`, seen by a MutationObserver; wetty: its renderer is
 * WebGL, so `wetty_term.onRender`), the visible screen text is compared with what the caller waits
 * for, and the paint time is taken in a task posted from there: Chromium runs rAF callbacks, style,
 * layout and paint in one task, so a MessageChannel message posted inside it runs after the frame
 * was painted. The start time is the input event's own `timeStamp` (the click or keydown that
 * caused it), the first after arming.
 */
import type { BenchProbe, LongTask, PaintCondition, PaintTiming, SocketEvent } from './probeTypes';

export type {
  BenchProbe,
  FlowFigures,
  LongTask,
  PaintCondition,
  PaintTiming,
  SocketEvent,
} from './probeTypes';

export function installProbe(): void {
  interface Waiter {
    condition: PaintCondition;
    baseline: string;
    inputAt: number | null;
    result: PaintTiming | null;
    painted: boolean;
    settle: ((timing: PaintTiming) => void) | null;
  }
  interface TerminalLike {
    rows: number;
    buffer: {
      active: {
        viewportY: number;
        getLine(y: number): { translateToString(trim: boolean): string } | undefined;
      };
    };
    onRender(listener: () => void): { dispose(): void };
  }
  const scope = window as unknown as { __rwBench?: BenchProbe; wetty_term?: TerminalLike };
  if (scope.__rwBench) return;

  const ROWS = '[role="tabpanel"]:not([hidden]) .xterm-rows, #terminal .xterm-rows';
  const waiters = new Map<number, Waiter>();
  let nextId = 1;
  const longTasks: LongTask[] = [];
  const flow = { on: false, received: 0, acknowledged: 0, max: 0 };
  const socketEvents: SocketEvent[] = [];

  const screen = (): string => {
    const term = scope.wetty_term;
    if (term) {
      const buffer = term.buffer.active;
      const lines: string[] = [];
      for (let y = buffer.viewportY; y < buffer.viewportY + term.rows; y += 1) {
        lines.push(buffer.getLine(y)?.translateToString(true) ?? '');
      }
      return lines.join('\n');
    }
    const rows = rowsElement();
    if (!rows) return '';
    let text = '';
    for (const row of Array.from(rows.children)) text += `${row.textContent ?? ''}\n`;
    return text.replace(/\u00a0/g, ' ');
  };

  // The rows being observed, while they are still the visible terminal's: a flood renders every
  // frame, and a search of the whole document per frame is the probe's own cost, not the page's.
  const rowsElement = (): Element | null =>
    observed?.isConnected && observed.matches(ROWS) ? observed : document.querySelector(ROWS);

  const lastLine = (text: string): string => {
    const lines = text.split('\n').map((line) => line.trimEnd());
    for (let i = lines.length - 1; i >= 0; i -= 1) if (lines[i]) return lines[i] ?? '';
    return '';
  };

  const matches = (waiter: Waiter, text: string): boolean => {
    switch (waiter.condition.kind) {
      // Trimmed: a terminal that appears empty (ours loads xterm on the first Run) is no output.
      case 'changed':
        return text.trim() !== waiter.baseline.trim();
      case 'contains':
        return text.includes(waiter.condition.text);
      case 'lastLine':
        return lastLine(text) === waiter.condition.text;
    }
  };

  const afterPaint = new MessageChannel();
  const painted: Array<() => void> = [];
  afterPaint.port1.onmessage = () => painted.shift()?.();

  const rendered = () => {
    if (waiters.size === 0) return;
    let text: string | null = null;
    for (const waiter of waiters.values()) {
      if (waiter.result || waiter.inputAt === null) continue;
      text ??= screen();
      if (!matches(waiter, text)) continue;
      const matchedAt = performance.now();
      const inputAt = waiter.inputAt;
      waiter.result = { inputAt, matchedAt, paintedAt: matchedAt };
      painted.push(() => {
        const timing = { inputAt, matchedAt, paintedAt: performance.now() };
        waiter.result = timing;
        waiter.painted = true;
        waiter.settle?.(timing);
      });
      afterPaint.port2.postMessage(0);
    }
  };

  // The render signal: xterm's own for wetty, DOM mutations of the rows for ours (re-found when
  // a terminal appears, since ours loads xterm only on the first Run).
  let observed: Element | null = null;
  let wettyHooked = false;
  const observer = new MutationObserver(() => {
    hook();
    rendered();
  });
  const hook = () => {
    if (scope.wetty_term && !wettyHooked) {
      wettyHooked = true;
      observer.disconnect();
      scope.wetty_term.onRender(rendered);
      return;
    }
    if (wettyHooked) return;
    const rows = document.querySelector(ROWS);
    const target = rows ?? document.body;
    if (!target || target === observed) return;
    observer.disconnect();
    observed = target;
    observer.observe(target, { childList: true, subtree: true, characterData: true });
  };

  const input = (event: Event) => {
    for (const waiter of waiters.values()) if (waiter.inputAt === null) waiter.inputAt = event.timeStamp;
  };
  addEventListener('keydown', input, true);
  addEventListener('click', input, true);

  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (error) {
    console.warn('[bench] no longtask observer in this browser', error);
  }

  // Flow accounting: output units received versus units given back (ours: output/ack frames;
  // wetty: socket.io data/commit events). Parsed only while `flow.on`, as it costs a JSON.parse.
  const received = (frame: unknown) => {
    if (!flow.on || typeof frame !== 'string') return;
    if (frame.startsWith('{"type":"output"'))
      flow.received += (JSON.parse(frame) as { data: string }).data.length;
    else if (frame.startsWith('42["data"'))
      flow.received += (JSON.parse(frame.slice(2)) as [string, string])[1].length;
    else return;
    flow.max = Math.max(flow.max, flow.received - flow.acknowledged);
  };
  const sent = (frame: unknown) => {
    if (!flow.on || typeof frame !== 'string') return;
    if (frame.startsWith('{"type":"ack"'))
      flow.acknowledged += (JSON.parse(frame) as { units: number }).units;
    else if (frame.startsWith('42["commit"'))
      flow.acknowledged += (JSON.parse(frame.slice(2)) as [string, number])[1];
  };
  const NativeSocket = window.WebSocket;
  class CountingSocket extends NativeSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener('message', (event) => received(event.data));
      this.addEventListener('open', () => socketEvents.push({ at: performance.now(), event: 'open' }));
      this.addEventListener('close', (event) =>
        socketEvents.push({ at: performance.now(), event: 'close', code: event.code, reason: event.reason }),
      );
    }
    override send(data: Parameters<WebSocket['send']>[0]): void {
      sent(data);
      super.send(data);
    }
  }
  window.WebSocket = CountingSocket;

  scope.__rwBench = {
    now: () => performance.now(),
    screen,
    arm(condition) {
      hook();
      const id = nextId;
      nextId += 1;
      waiters.set(id, {
        condition,
        baseline: screen(),
        inputAt: null,
        result: null,
        painted: false,
        settle: null,
      });
      return id;
    },
    wait(id, timeoutMs) {
      const waiter = waiters.get(id);
      if (!waiter) return Promise.reject(new Error(`no armed waiter ${id}`));
      return new Promise<PaintTiming>((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(id);
          reject(
            new Error(
              `nothing matching ${JSON.stringify(waiter.condition)} was painted within ${timeoutMs} ms; screen:\n${screen()}`,
            ),
          );
        }, timeoutMs);
        waiter.settle = (timing) => {
          clearTimeout(timer);
          waiters.delete(id);
          resolve(timing);
        };
        // Already painted before anyone waited (a fast echo).
        if (waiter.painted && waiter.result) waiter.settle(waiter.result);
      });
    },
    longTasks: (from, to) =>
      longTasks.filter((task) => task.start + task.duration >= from && task.start <= to),
    flowReset() {
      flow.on = true;
      flow.received = 0;
      flow.acknowledged = 0;
      flow.max = 0;
    },
    sockets: () => [...socketEvents],
    flow: () => ({
      receivedUnits: flow.received,
      acknowledgedUnits: flow.acknowledged,
      maxOutstanding: flow.max,
    }),
  };
}
