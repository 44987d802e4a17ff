/**
 * Cookies of the workshop server. The session is HttpOnly (no script reads it), SameSite=Lax (an
 * attendee coming back through a link in chat keeps it; Strict would drop it), Secure when the
 * request came over TLS. Nothing secret ever goes into a URL.
 */
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'rw_session';
export const INSTRUCTOR_COOKIE = 'rw_instructor';
export const CSRF_COOKIE = 'rw_csrf';

/** A cookie's value, or undefined when absent or sent more than once (a planted duplicate). */
export function readCookie(request: IncomingMessage, name: string): string | undefined {
  const found: string[] = [];
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() === name) found.push(part.slice(separator + 1).trim());
  }
  return found.length === 1 ? found[0] : undefined;
}

export interface CookieOptions {
  readonly secure: boolean;
  /** Seconds; 0 deletes the cookie. */
  readonly maxAge: number;
  readonly httpOnly?: boolean;
  readonly sameSite?: 'Lax' | 'Strict';
}

export function cookieHeader(name: string, value: string, options: CookieOptions): string {
  const parts = [`${name}=${value}`, 'Path=/', `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`];
  parts.push(`SameSite=${options.sameSite ?? 'Lax'}`);
  if (options.httpOnly ?? true) parts.push('HttpOnly');
  if (options.secure) parts.push('Secure');
  return parts.join('; ');
}
