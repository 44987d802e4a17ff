/**
 * Hand-written HTTP requests over a plain TCP socket, for what a well-behaved client library will
 * not send: forged or duplicated Host and Origin headers, malformed values, odd targets.
 */
import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { TERMINAL_PATH, TOKEN_PARAM } from '../../../src/protocol/messages';

export interface RawResponse {
  /** Undefined when the server closed without an HTTP answer. */
  status: number | undefined;
  head: string;
  body: string;
}

export function sendRawRequest(port: number, request: string, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms to: ${request.split('\r\n')[0]}`));
    }, timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // A 101 keeps the socket open: the answer is complete at the end of its head.
      if (Buffer.concat(chunks).toString('latin1').startsWith('HTTP/1.1 101')) socket.end();
    });
    socket.on('error', () => {}); // a reset after the answer is how a refusal may end
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      resolve({ status: match ? Number(match[1]) : undefined, head, body });
    });
    socket.write(request);
  });
}

export interface UpgradeParts {
  /** Host header value; null leaves it out. */
  host: string | null;
  origin?: string;
  token?: string;
  path?: string;
  /** Extra header lines, sent as written. */
  extraLines?: string[];
}

/** A WebSocket upgrade request with exactly the headers given. */
export function upgradeRequest(parts: UpgradeParts): string {
  const target = `${parts.path ?? TERMINAL_PATH}${parts.token === undefined ? '' : `?${TOKEN_PARAM}=${encodeURIComponent(parts.token)}`}`;
  const lines = [
    `GET ${target} HTTP/1.1`,
    ...(parts.host === null ? [] : [`Host: ${parts.host}`]),
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...(parts.origin === undefined ? [] : [`Origin: ${parts.origin}`]),
    ...(parts.extraLines ?? []),
  ];
  return `${lines.join('\r\n')}\r\n\r\n`;
}
