/**
 * GET and POST /join. The form is protected against cross-site posts twice: its Origin must be this
 * site, and it must carry the value of a CSRF cookie set with the form (a page elsewhere can neither
 * read nor set it). Joining is rate-limited per client address and bounded by the seats.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { WORKSHOP_COOKIE } from '../../../src/protocol/messages';
import type { WorkshopContext } from '../context';
import { CSRF_COOKIE, SESSION_COOKIE, cookieHeader, readCookie } from '../http/cookies';
import { clientAddress, readForm, redirect, sendHtml } from '../http/respond';
import { RateLimiter } from '../http/rateLimit';
import { isOwnOrigin, isSecure } from '../http/requestOrigin';
import { fullPage, joinPage, wrongCodePage } from './pages';

const MAX_NAME = 60;

export function createJoinRoutes(context: WorkshopContext) {
  // A room behind one NAT joins at once: the burst is the room; a script hammering the form is not.
  const limiter = new RateLimiter(context.settings.seats + 10, 30);
  const { store, settings, identity } = context;

  const seatsLeft = () => Math.max(0, settings.seats - store.activeAttendees().length);

  function showForm(
    request: IncomingMessage,
    response: ServerResponse,
    extra: { code?: string; name?: string; problem?: string; status?: number },
  ) {
    const secure = isSecure(request, context.policy);
    const csrf = readCookie(request, CSRF_COOKIE) ?? randomBytes(24).toString('base64url');
    response.setHeader(
      'Set-Cookie',
      cookieHeader(CSRF_COOKIE, csrf, { secure, maxAge: 3600, sameSite: 'Strict' }),
    );
    sendHtml(response, extra.status ?? 200, joinPage({ csrf, seatsLeft: seatsLeft(), ...extra }));
  }

  return {
    get(request: IncomingMessage, response: ServerResponse, url: URL): void {
      const code = url.searchParams.get('code') ?? undefined;
      if (code !== undefined && code.toUpperCase() !== identity.joinCode)
        return sendHtml(response, 404, wrongCodePage());
      if (store.session(readCookie(request, SESSION_COOKIE)).status === 'active')
        return redirect(response, context.firstPage);
      if (seatsLeft() === 0) return sendHtml(response, 503, fullPage(settings.seats));
      showForm(request, response, { code });
    },

    async post(request: IncomingMessage, response: ServerResponse): Promise<void> {
      if (!isOwnOrigin(request, context.policy)) return sendHtml(response, 403, wrongCodePage());
      const form = await readForm(request);
      if (!form)
        return showForm(request, response, {
          status: 400,
          problem: 'The form could not be read; try again.',
        });
      const cookie = readCookie(request, CSRF_COOKIE);
      const sent = form.get('csrf') ?? '';
      if (
        !cookie ||
        cookie.length !== sent.length ||
        !timingSafeEqual(Buffer.from(cookie), Buffer.from(sent))
      )
        return showForm(request, response, {
          status: 403,
          problem: 'This form was out of date; please press Join again.',
        });
      if (!limiter.take(clientAddress(request, context.policy)))
        return showForm(request, response, {
          status: 429,
          problem: 'Too many joins from your network just now; wait a minute and try again.',
        });
      const code = (form.get('code') ?? '').trim().toUpperCase();
      const name = (form.get('name') ?? '').replace(/\s+/g, ' ').trim();
      if (code !== identity.joinCode)
        return showForm(request, response, {
          status: 400,
          name,
          problem: 'That workshop code is not right: check the instructor’s screen.',
        });
      if (name.length === 0 || name.length > MAX_NAME)
        return showForm(request, response, {
          status: 400,
          code,
          problem: `Type your name (up to ${MAX_NAME} characters).`,
        });
      const now = Date.now();
      const attendee = store.join(name, settings.seats, now);
      if (!attendee) return sendHtml(response, 503, fullPage(settings.seats));
      await context.provider.create({
        workshopId: identity.id,
        attendeeId: attendee.id,
        displayName: attendee.displayName,
      });
      const expiresAt = now + settings.expiresMs;
      const token = store.openSession(attendee.id, expiresAt, now);
      const secure = isSecure(request, context.policy);
      const maxAge = settings.expiresMs / 1000;
      response.setHeader('Set-Cookie', [
        cookieHeader(SESSION_COOKIE, token, { secure, maxAge }),
        // Readable by the page (the timer, and how it knows to use the router): holds no secret.
        cookieHeader(WORKSHOP_COOKIE, String(expiresAt), { secure, maxAge, httpOnly: false }),
        cookieHeader(CSRF_COOKIE, '', { secure, maxAge: 0, sameSite: 'Strict' }),
      ]);
      context.log.info(
        `${attendee.displayName} joined (${store.activeAttendees().length}/${settings.seats} seats)`,
      );
      redirect(response, context.firstPage);
    },
  };
}
