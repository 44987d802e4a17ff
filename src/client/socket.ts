/** What the connection needs from a WebSocket and from the network, injectable for Node tests. */
import { parseServerMessage, type ServerMessage } from '../protocol/messages';

/** The part of the WebSocket API we use: the browser global, or the `ws` package in Node tests. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}
export type SocketConstructor = new (url: string) => SocketLike;

/** True when something answers plain HTTP at `url`: the server is up, so a failed upgrade was a refusal. */
export async function defaultProbe(url: string): Promise<boolean> {
  try {
    // `no-cors`: we only need to know that something answered, not what it said.
    await fetch(url, { mode: 'no-cors', cache: 'no-store' });
    return true;
  } catch (error) {
    console.debug('[runner] terminal server not reachable', url, error);
    return false;
  }
}

/** A server frame, checked; null (and a warning) for one this page cannot read. */
export function parseFrame(data: unknown): ServerMessage | null {
  if (typeof data !== 'string') {
    console.warn('[runner] ignoring a binary frame from the terminal server');
    return null;
  }
  const parsed = parseServerMessage(data);
  if (parsed.ok) return parsed.message;
  console.warn(`[runner] ignoring a server frame (${parsed.code}): ${parsed.message}`);
  return null;
}
