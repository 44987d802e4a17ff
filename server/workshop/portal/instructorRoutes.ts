/**
 * The instructor's side of the portal, behind the instructor cookie: the dashboard, its data, the
 * join URL's QR code, watching an attendee read-only, and ending or resetting a session. Changes
 * are POSTs from this site's own pages only (Origin checked; the cookie is SameSite=Strict).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import QRCode from 'qrcode';
import type { WorkshopContext } from '../context';
import { isOwnOrigin, isSecure, ourHost } from '../http/requestOrigin';
import { sendBody, sendHtml, sendJson, sendText } from '../http/respond';
import type { Router } from '../routing/router';
import { DASHBOARD_SCRIPT, WATCH_SCRIPT } from './dashboardScripts';
import { dashboardState } from './dashboardState';
import { isInstructor } from './instructorAuth';
import { dashboardPage, watchPage } from './instructorPages';
import { page } from './pages';

const ACTION = /^\/instructor\/attendees\/([a-z0-9-]{1,40})\/(end|reset)$/;

export function instructorRoutes(context: WorkshopContext, router: Router) {
  function joinUrl(request: IncomingMessage): string {
    const scheme = isSecure(request, context.policy) ? 'https' : 'http';
    return `${scheme}://${ourHost(request, context.policy) ?? 'localhost'}/join?code=${context.identity.joinCode}`;
  }

  async function act(id: string, action: 'end' | 'reset'): Promise<void> {
    router.disconnect(
      id,
      action === 'end' ? 'the instructor ended your session' : 'the instructor reset your workspace',
    );
    if (action === 'end') {
      context.store.endAttendee(id);
      await context.provider.stop(id);
      return;
    }
    const attendee = context.store.attendee(id);
    if (!attendee) return;
    await context.provider.delete(id);
    context.store.resetProgress(id);
    await context.provider.create({
      workshopId: context.identity.id,
      attendeeId: id,
      displayName: attendee.displayName,
    });
  }

  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/instructor')) return false;
    if (!isInstructor(request, context)) {
      sendHtml(
        response,
        403,
        page(
          'Instructor only',
          '<h1>Instructor only</h1><p>Open the instructor URL the workshop server printed when it started.</p>',
        ),
      );
      return true;
    }
    const action = ACTION.exec(url.pathname);
    if (action && request.method === 'POST') {
      if (!isOwnOrigin(request, context.policy)) sendText(response, 403, 'Only the dashboard may do that.');
      else if (!context.store.attendee(action[1] ?? '')) sendText(response, 404, 'No such attendee.');
      else {
        await act(action[1] ?? '', action[2] as 'end' | 'reset');
        sendJson(response, 200, { ok: true });
      }
      return true;
    }
    switch (url.pathname) {
      case '/instructor':
        sendHtml(response, 200, dashboardPage(joinUrl(request)));
        return true;
      case '/instructor/state.json':
        sendJson(response, 200, await dashboardState(context));
        return true;
      case '/instructor/qr.svg':
        sendBody(
          response,
          'image/svg+xml',
          await QRCode.toString(joinUrl(request), { type: 'svg', margin: 2 }),
        );
        return true;
      case '/instructor/dashboard.js':
        sendBody(response, 'text/javascript; charset=utf-8', DASHBOARD_SCRIPT);
        return true;
      case '/instructor/watch.js':
        sendBody(response, 'text/javascript; charset=utf-8', WATCH_SCRIPT);
        return true;
      case '/instructor/watch': {
        const attendee = context.store.attendee(url.searchParams.get('attendee') ?? '');
        if (!attendee) sendText(response, 404, 'No such attendee.');
        else sendHtml(response, 200, watchPage(attendee.id, attendee.displayName));
        return true;
      }
      default:
        sendText(response, 404, 'Nothing here.');
        return true;
    }
  };
}
