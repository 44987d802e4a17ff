/**
 * The page's hops of one keystroke, seen from the WebSocket (installed after probe.ts, before the
 * page's scripts; self-contained, as Playwright sends its source): when the input frame was sent,
 * when the first output frame after it arrived, and when the page's message handler returned
 * (it validated the frame and handed it to xterm, which parses an echo that follows a keystroke at
 * once), and when the frame that drew it began. The keydown before and the paint after come from
 * the paint probe. Both products' frames
 * are recognised (ours: `input`/`output`; wetty's socket.io: `input`/`data`), and the page's own
 * code is not touched, so the trace costs the product nothing.
 */
export interface PageKeystroke {
  sentAt: number;
  receivedAt?: number;
  /** Every output frame received after it (up to 64), for a Run whose visible output is not the first frame. */
  received?: number[];
  handledAt?: number;
  /** The begin time (vsync) of the first frame whose animation callbacks ran after the handler. */
  frameAt?: number;
}

export interface KeystrokeProbe {
  /** Forgets what was recorded and records the next keystrokes. */
  start(): void;
  /** What was recorded since `start`, one entry per input frame. */
  taken(): PageKeystroke[];
}

export function installKeystrokeProbe(): void {
  const scope = window as unknown as { __rwKeystrokes?: KeystrokeProbe };
  if (scope.__rwKeystrokes) return;
  let recording = false;
  let taken: PageKeystroke[] = [];
  let awaiting: PageKeystroke | undefined;
  let latest: PageKeystroke | undefined;
  let handling: PageKeystroke | undefined;

  // A step's Run is ours' input frame too (wetty's Run is the typed Enter).
  const isInput = (frame: unknown) =>
    typeof frame === 'string' &&
    (frame.startsWith('{"type":"input"') ||
      frame.startsWith('{"type":"run"') ||
      frame.startsWith('42["input"'));
  const isOutput = (frame: unknown) =>
    typeof frame === 'string' && (frame.startsWith('{"type":"output"') || frame.startsWith('42["data"'));

  const Native = window.WebSocket;
  // The accessor lives on WebSocket.prototype, below any wrapper class the paint probe made.
  let proto: object | null = Native.prototype;
  let nativeOnMessage: PropertyDescriptor | undefined;
  while (proto && !nativeOnMessage) {
    nativeOnMessage = Object.getOwnPropertyDescriptor(proto, 'onmessage');
    proto = Object.getPrototypeOf(proto) as object | null;
  }
  class TimedSocket extends Native {
    override send(data: Parameters<WebSocket['send']>[0]): void {
      if (recording && isInput(data)) {
        awaiting = { sentAt: performance.now(), received: [] };
        latest = awaiting;
        taken.push(awaiting);
      }
      super.send(data);
    }
  }
  // The page's handler is wrapped where it is set, so its start and its end are both seen.
  Object.defineProperty(TimedSocket.prototype, 'onmessage', {
    configurable: true,
    get(this: WebSocket) {
      return nativeOnMessage?.get?.call(this) as unknown;
    },
    set(this: WebSocket, handler: unknown) {
      if (typeof handler !== 'function') {
        nativeOnMessage?.set?.call(this, handler);
        return;
      }
      const pageHandler = handler as (this: WebSocket, event: MessageEvent) => unknown;
      nativeOnMessage?.set?.call(this, function (this: WebSocket, event: MessageEvent) {
        if (recording && latest?.received && latest.received.length < 64 && isOutput(event.data))
          latest.received.push(performance.now());
        if (awaiting && isOutput(event.data)) {
          awaiting.receivedAt = performance.now();
          handling = awaiting;
          awaiting = undefined;
        }
        try {
          return pageHandler.call(this, event);
        } finally {
          if (handling) handling.handledAt = performance.now();
          framing = handling;
          handling = undefined;
        }
      });
    },
  });
  window.WebSocket = TimedSocket;

  // Every callback of a frame gets that frame's begin time: the first to run after the handler
  // tells when the frame that draws the echo began (a vsync), apart from when it was drawn.
  let framing: PageKeystroke | undefined;
  const nativeFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) =>
    nativeFrame((time) => {
      if (framing) framing.frameAt = time;
      framing = undefined;
      callback(time);
    });

  scope.__rwKeystrokes = {
    start() {
      recording = true;
      taken = [];
      awaiting = undefined;
      latest = undefined;
    },
    taken: () => taken.map((keystroke) => ({ ...keystroke, received: [...(keystroke.received ?? [])] })),
  };
}
