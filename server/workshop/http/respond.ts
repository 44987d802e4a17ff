/** Small answers the portal gives, and the one reader of form bodies (bounded, url-encoded only). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SitePolicy } from './requestOrigin';

const MAX_FORM_BYTES = 4096;

// The portal's pages load nothing from elsewhere and may not be framed; scripts only from this server.
const PORTAL_CSP =
  "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; " +
  "form-action 'self'; frame-ancestors 'none'";

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PORTAL_CSP,
  });
  response.end(html);
}

export function sendBody(response: ServerResponse, type: string, body: string): void {
  response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  response.end(JSON.stringify(value));
}

export function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(`${text}\n`);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
  response.end();
}

export function readForm(request: IncomingMessage): Promise<URLSearchParams | undefined> {
  const type = request.headers['content-type'] ?? '';
  if (!type.startsWith('application/x-www-form-urlencoded')) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    let body = '';
    let tooLarge = false;
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_FORM_BYTES) {
        tooLarge = true;
        request.destroy();
      }
    });
    request.on('end', () => resolve(tooLarge ? undefined : new URLSearchParams(body)));
    request.on('error', () => resolve(undefined));
    request.on('close', () => resolve(tooLarge ? undefined : new URLSearchParams(body)));
  });
}

/** Who is asking, for rate limits: the proxy's word only when it is trusted. */
export function clientAddress(request: IncomingMessage, policy: SitePolicy): string {
  if (policy.trustProxy) {
    const forwarded = request.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return request.socket.remoteAddress ?? 'unknown';
}
