import type { Duplex } from 'node:stream';
import { STATUS_CODES } from 'node:http';

/**
 * Answers a refused upgrade with a plain HTTP response (so a browser's devtools and `curl` show
 * why) and drops the socket: nothing of the WebSocket handshake happens.
 */
export function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const body = `${reason}\n`;
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Refused'}\r\n` +
      'Connection: close\r\n' +
      'Content-Type: text/plain; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      '\r\n' +
      body,
  );
}
