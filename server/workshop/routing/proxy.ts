/**
 * The router's forwarding: a page's WebSocket joined to a WebSocket to its workspace, frames
 * passed through unchanged in both directions (the terminal protocol is the workspace's business).
 * The workspace's `step` messages are read as they pass, for the instructor's dashboard.
 */
import WebSocket from 'ws';
import { TOKEN_PARAM, type StepMessage } from '../../../src/protocol/messages';
import type { WorkspaceEndpoint } from '../workspaceProvider';

export interface ProxyHooks {
  onStep?(message: StepMessage): void;
  /** `onStep` failed (the store could not record it): the frame still went to the page. */
  onStepError?(error: unknown): void;
  /** The page sent something (a keystroke, a Run): the attendee is active. */
  onClientFrame?(): void;
}

/** One side of the join, with what it sent before the other side was there to take it. */
export interface Side {
  readonly socket: WebSocket;
  /** Frames sent before the join (a workspace's hello comes at once; a page may attach at once). */
  readonly early: { data: Buffer; isBinary: boolean }[];
  /** Stops collecting early frames: the join takes over. */
  readonly stopKeeping: () => void;
}
export type Upstream = Side;

/**
 * Frames kept for a side not joined yet. A page speaks first only to attach its terminals; one that
 * sends more while its workspace starts (minutes, for a pod) is not a page, and is closed.
 */
const MAX_EARLY_FRAMES = 256;

/** Keeps what `socket` sends until it is joined. */
export function keepEarlyFrames(socket: WebSocket): Side {
  const early: Side['early'] = [];
  const keep = (data: Buffer, isBinary: boolean) => {
    if (early.length < MAX_EARLY_FRAMES) return void early.push({ data, isBinary });
    socket.close(1008, 'too many frames before the workspace was ready');
  };
  socket.on('message', keep);
  return { socket, early, stopKeeping: () => socket.off('message', keep) };
}

/** Opens the workspace's side; resolves once it is open, so the page's upgrade only completes then. */
export function openUpstream(endpoint: WorkspaceEndpoint, timeoutMs = 30_000): Promise<Upstream> {
  const url = new URL(endpoint.url);
  url.searchParams.set(TOKEN_PARAM, endpoint.token);
  const upstream = new WebSocket(url, {
    headers: { Origin: endpoint.origin },
    perMessageDeflate: false,
    handshakeTimeout: timeoutMs,
  });
  const side = keepEarlyFrames(upstream);
  return new Promise((resolve, reject) => {
    upstream.once('open', () => resolve(side));
    upstream.once('unexpected-response', (_request, response) => {
      reject(new Error(`the workspace refused the router (HTTP ${response.statusCode})`));
      upstream.terminate();
    });
    upstream.once('error', reject);
  });
}

const STEP_PREFIX = Buffer.from('{"type":"step"');

export function joinSockets(
  pageSide: Side,
  { socket: upstream, early, stopKeeping }: Side,
  hooks: ProxyHooks,
): void {
  const page = pageSide.socket;
  const forward = (data: Buffer, isBinary: boolean) => {
    if (page.readyState === WebSocket.OPEN) page.send(data, { binary: isBinary });
    if (!isBinary && hooks.onStep && data.subarray(0, STEP_PREFIX.length).equals(STEP_PREFIX)) {
      let message: StepMessage;
      try {
        message = JSON.parse(data.toString('utf8')) as StepMessage;
      } catch {
        return; // Not ours to judge: the page gets the frame as the workspace sent it.
      }
      try {
        hooks.onStep(message);
      } catch (error) {
        hooks.onStepError?.(error);
      }
    }
  };
  const fromPage = (data: Buffer, isBinary: boolean) => {
    if (upstream.readyState === WebSocket.OPEN) upstream.send(data, { binary: isBinary });
    hooks.onClientFrame?.();
  };
  stopKeeping();
  pageSide.stopKeeping();
  for (const frame of early.splice(0)) forward(frame.data, frame.isBinary);
  for (const frame of pageSide.early.splice(0)) fromPage(frame.data, frame.isBinary);
  upstream.on('message', forward);
  page.on('message', fromPage);
  upstream.on('close', (code, reason) => page.close(passableCode(code), reason.toString().slice(0, 120)));
  page.on('close', () => upstream.close());
  upstream.on('error', () => page.terminate());
  page.on('error', () => upstream.terminate());
}

/** 1005/1006 and the like may not be sent in a close frame. */
function passableCode(code: number): number {
  if (code === 1000 || code === 1001 || code === 1008 || code === 1009 || code === 1011) return code;
  if (code >= 4000 && code < 5000) return code;
  return 1011;
}
