/**
 * Detects a peer that vanished without closing (laptop lid shut, network gone): a ping every
 * interval, and a socket that has not answered the previous ping by the next one is terminated,
 * which lets the hub start the terminals' grace period instead of waiting for TCP to notice.
 */
import type { WebSocket } from 'ws';

export const DEFAULT_HEARTBEAT_MS = 15_000;

/** Starts pinging; the returned function stops it. */
export function startHeartbeat(socket: WebSocket, intervalMs: number = DEFAULT_HEARTBEAT_MS): () => void {
  let answered = true;
  const onPong = () => {
    answered = true;
  };
  socket.on('pong', onPong);
  const timer = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, intervalMs);
  // A heartbeat alone must not keep the process alive during shutdown.
  timer.unref();
  return () => {
    clearInterval(timer);
    socket.off('pong', onPong);
  };
}
