/**
 * Who is knocking on the router's WebSocket endpoint, and which workspace they may reach, decided
 * from the request alone, before any workspace hears of it: Host and Origin must be this site's,
 * and the cookie must open an active session (an attendee: their own workspace, or the presenter's
 * to follow) or be the instructor's (the presenter's workspace, or any attendee's, to watch).
 */
import type { IncomingMessage } from 'node:http';
import { TERMINAL_PATH } from '../../../src/protocol/messages';
import { PRESENTER_ID, type WorkshopContext } from '../context';
import { SESSION_COOKIE, readCookie } from '../http/cookies';
import { isOwnOrigin, ourHost } from '../http/requestOrigin';
import { isInstructor } from '../portal/instructorAuth';
import type { EndpointAccess } from '../workspaceProvider';

export interface RouteGrant {
  readonly ok: true;
  /** The workspace to reach. */
  readonly workspace: string;
  readonly access: EndpointAccess;
  /** The attendee whose steps and activity this connection reports, if any. */
  readonly reportsFor?: string;
}

export type RouteVerdict =
  RouteGrant | { readonly ok: false; readonly status: number; readonly reason: string };

const refuse = (status: number, reason: string): RouteVerdict => ({ ok: false, status, reason });

export function authenticateUpgrade(request: IncomingMessage, context: WorkshopContext): RouteVerdict {
  let url: URL;
  try {
    url = new URL(request.url ?? '', 'http://router.invalid');
  } catch {
    return refuse(400, 'malformed request target');
  }
  if (url.pathname !== TERMINAL_PATH) return refuse(404, `no WebSocket endpoint at ${url.pathname}`);
  if (!ourHost(request, context.policy)) return refuse(403, 'this is not the workshop’s address');
  if (!isOwnOrigin(request, context.policy)) return refuse(403, 'only the workshop’s own pages may connect');

  const instructor = isInstructor(request, context);
  const session = context.store.session(readCookie(request, SESSION_COOKIE));
  const watch = url.searchParams.get('watch');
  const follow = url.searchParams.get('follow');

  if (watch !== null) {
    if (!instructor) return refuse(403, 'only the instructor may watch another workspace');
    return { ok: true, workspace: watch, access: 'watch' };
  }
  if (follow !== null) {
    if (follow !== PRESENTER_ID) return refuse(404, 'there is only the presenter to follow');
    if (!instructor && session.status !== 'active') return refuse(401, 'join the workshop first');
    return { ok: true, workspace: PRESENTER_ID, access: 'watch' };
  }
  if (session.status === 'active')
    return { ok: true, workspace: session.attendee.id, access: 'full', reportsFor: session.attendee.id };
  if (instructor) return { ok: true, workspace: PRESENTER_ID, access: 'full' };
  if (session.status === 'expired') return refuse(401, 'your workshop session has expired; reload the page');
  if (session.status === 'ended') return refuse(401, 'your workshop session was ended; reload the page');
  return refuse(401, 'join the workshop first');
}
