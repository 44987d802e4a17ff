/**
 * The instructor's secret opens the dashboard once, from the printed URL; the page then holds a
 * cookie derived from it (an HMAC, so it survives a restart of the server without being the secret
 * itself) and the secret leaves the address bar. SameSite=Strict: no other site can make the
 * instructor's browser act.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WorkshopContext } from '../context';
import { INSTRUCTOR_COOKIE, readCookie } from '../http/cookies';

export function instructorCookieValue(context: Pick<WorkshopContext, 'identity'>): string {
  return createHmac('sha256', context.identity.instructorSecret)
    .update('instructor-cookie')
    .digest('base64url');
}

export function isInstructor(request: IncomingMessage, context: Pick<WorkshopContext, 'identity'>): boolean {
  return matches(readCookie(request, INSTRUCTOR_COOKIE), instructorCookieValue(context));
}

export function isInstructorSecret(
  candidate: string | null,
  context: Pick<WorkshopContext, 'identity'>,
): boolean {
  return matches(candidate ?? undefined, context.identity.instructorSecret);
}

function matches(candidate: string | undefined, expected: string): boolean {
  if (!candidate || candidate.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(candidate), Buffer.from(expected));
}
