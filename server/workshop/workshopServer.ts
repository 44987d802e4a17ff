/**
 * The workshop server: one port for the built site, the portal (join, instructor) and the router.
 * Every HTTP request is checked for its Host (DNS rebinding) and, outside the portal's own pages,
 * for a session: the site is the attendees', not the internet's.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import serveHandler from 'serve-handler';
import { WORKSHOP_COOKIE } from '../../src/protocol/messages';
import type { WorkshopContext } from './context';
import { INSTRUCTOR_COOKIE, SESSION_COOKIE, cookieHeader, readCookie } from './http/cookies';
import { compressed } from './http/compressed';
import { redirect, sendHtml, sendText } from './http/respond';
import { isSecure, ourHost, siteHosts } from './http/requestOrigin';
import { acceptedHostNames } from '../transport/hostNames';
import { instructorCookieValue, isInstructor, isInstructorSecret } from './portal/instructorAuth';
import { createJoinRoutes } from './portal/joinRoutes';
import { sessionOverPage } from './portal/pages';
import { createRouter, type Router } from './routing/router';

export interface WorkshopServer {
  readonly port: number;
  readonly router: Router;
  close(): Promise<void>;
}

/** Routes the portal adds beside join (the dashboard, presenter follow); true when handled. */
export type ExtraRoutes = (
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
) => boolean | Promise<boolean>;

export async function startWorkshopServer(
  context: WorkshopContext,
  listenOn: { host: string; port: number; publicUrl?: string },
  extraRoutes: (router: Router) => ExtraRoutes = () => () => false,
): Promise<WorkshopServer> {
  const router = createRouter(context);
  const join = createJoinRoutes(context);
  const extra = extraRoutes(router);
  const server = createServer();

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!ourHost(request, context.policy))
      return sendText(response, 403, 'This is not the workshop’s address.');
    const url = new URL(request.url ?? '/', 'http://workshop.invalid');
    if (url.pathname === '/join') {
      if (request.method === 'POST') return join.post(request, response);
      return join.get(request, response, url);
    }
    if (url.pathname === '/instructor' && url.searchParams.has('key')) {
      if (!isInstructorSecret(url.searchParams.get('key'), context))
        return sendText(response, 403, 'Wrong instructor key.');
      // The secret leaves the address bar at once; the cookie stands for it from now on.
      const secure = isSecure(request, context.policy);
      const week = 7 * 24 * 3600;
      response.setHeader('Set-Cookie', [
        cookieHeader(INSTRUCTOR_COOKIE, instructorCookieValue(context), {
          secure,
          maxAge: week,
          sameSite: 'Strict',
        }),
        // The instructor's pages too use the router (the presenter's workspace): same marker as attendees'.
        cookieHeader(WORKSHOP_COOKIE, String(Date.now() + week * 1000), {
          secure,
          maxAge: week,
          httpOnly: false,
        }),
      ]);
      return redirect(response, '/instructor');
    }
    if (await extra(request, response, url)) return;
    const session = context.store.session(readCookie(request, SESSION_COOKIE));
    if (session.status === 'active' || isInstructor(request, context)) return serveSite(request, response);
    if (session.status === 'expired' || session.status === 'ended')
      return sendHtml(response, 401, sessionOverPage(session.status, '/join'));
    return redirect(response, '/join');
  }

  // A room shares one Wi-Fi: an attendee's first page is ~550 KB of JavaScript and CSS as built,
  // ~190 KB gzipped, as a static host would send it.
  const serveSite = compressed((request, response) => {
    serveHandler(request, response, {
      public: context.settings.siteDir,
      cleanUrls: true,
      directoryListing: false,
      headers: [{ source: '**/*.html', headers: [{ key: 'Cache-Control', value: 'no-store' }] }],
    }).catch((error: unknown) => {
      context.log.error(`serving ${request.url ?? '?'} failed`, error);
      if (!response.headersSent) sendText(response, 500, 'The page could not be served; see the server log.');
      else response.destroy();
    });
  });

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    handle(request, response).catch((error: unknown) => {
      context.log.error(`${request.method ?? '?'} ${request.url ?? '?'} failed`, error);
      if (!response.headersSent) sendText(response, 500, 'The workshop server failed; see its log.');
      else response.destroy();
    });
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) =>
    router.handleUpgrade(request, socket, head),
  );
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  // WebSockets of a workshop live for hours: no request timeout may cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 30_000;

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${listenOn.port} on ${listenOn.host} is in use; pick another with --port`
            : `cannot listen on ${listenOn.host}:${listenOn.port}: ${error.message}`,
        ),
      ),
    );
    server.listen(listenOn.port, listenOn.host, () => resolve((server.address() as AddressInfo).port));
  });
  // Known once listening (port 0 means any): before that no request can arrive.
  for (const host of siteHosts(acceptedHostNames(listenOn.host), port, listenOn.publicUrl))
    context.policy.hosts.add(host);

  return {
    port,
    router,
    async close() {
      router.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
