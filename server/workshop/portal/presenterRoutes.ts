/**
 * Presenter follow through the server: the presenter's deck (the instructor's browser) posts where
 * it is; attendees who chose "Follow the presenter" receive it as Server-Sent Events and show the
 * same slide, with the presenter's terminal mirrored read-only by the router (`/terminal?follow=presenter`).
 * BroadcastChannel stays inside one browser; this crosses the room.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { WorkshopContext } from '../context';
import { SESSION_COOKIE, readCookie } from '../http/cookies';
import { isOwnOrigin } from '../http/requestOrigin';
import { sendJson, sendText } from '../http/respond';
import { isInstructor } from './instructorAuth';

export interface PresenterState {
  readonly deckPath: string;
  readonly slide: number;
  readonly blank: boolean;
  readonly terminals: { readonly open: string[]; readonly active: string | null; readonly hidden: boolean };
}

const TERMINAL = /^[a-z0-9][a-z0-9._-]{0,47}$/;
const MAX_BODY = 4096;

export function parsePresenterState(value: unknown): PresenterState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const t = v.terminals as Record<string, unknown> | null | undefined;
  const ok =
    typeof v.deckPath === 'string' &&
    /^\/[\w\-/.%]{0,300}$/.test(v.deckPath) &&
    Number.isSafeInteger(v.slide) &&
    (v.slide as number) >= 0 &&
    typeof v.blank === 'boolean' &&
    typeof t === 'object' &&
    t !== null &&
    Array.isArray(t.open) &&
    t.open.length <= 16 &&
    t.open.every((name) => typeof name === 'string' && TERMINAL.test(name)) &&
    (t.active === null || (typeof t.active === 'string' && TERMINAL.test(t.active))) &&
    typeof t.hidden === 'boolean';
  if (!ok) return undefined;
  return {
    deckPath: v.deckPath as string,
    slide: v.slide as number,
    blank: v.blank as boolean,
    terminals: { open: t.open as string[], active: t.active as string | null, hidden: t.hidden as boolean },
  };
}

export function presenterRoutes(context: WorkshopContext) {
  let latest: PresenterState | undefined;
  const followers = new Set<ServerResponse>();
  const keepAlive = setInterval(() => followers.forEach((f) => f.write(': keep-alive\n\n')), 25_000);
  keepAlive.unref();

  const mayFollow = (request: IncomingMessage) =>
    isInstructor(request, context) ||
    context.store.session(readCookie(request, SESSION_COOKIE)).status === 'active';

  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> => {
    if (!url.pathname.startsWith('/workshop/presenter')) return false;
    if (url.pathname === '/workshop/presenter' && request.method === 'POST') {
      if (!isInstructor(request, context) || !isOwnOrigin(request, context.policy)) {
        sendText(response, 403, 'Only the presenter’s deck may say where the presentation is.');
        return true;
      }
      const state = parsePresenterState(await readJson(request));
      if (!state) {
        sendText(response, 400, 'Not a presenter state.');
        return true;
      }
      latest = state;
      for (const follower of followers) follower.write(`data: ${JSON.stringify(state)}\n\n`);
      sendJson(response, 200, { ok: true, followers: followers.size });
      return true;
    }
    if (!mayFollow(request)) {
      sendText(response, 401, 'Join the workshop first.');
      return true;
    }
    if (url.pathname === '/workshop/presenter/state.json') {
      // Not presenting is a state, not an error: a 404 was a console error on every attendee page, every poll.
      sendJson(response, 200, latest ?? { live: false });
      return true;
    }
    if (url.pathname === '/workshop/presenter/events') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      if (latest) response.write(`data: ${JSON.stringify(latest)}\n\n`);
      followers.add(response);
      request.once('close', () => followers.delete(response));
      return true;
    }
    sendText(response, 404, 'Nothing here.');
    return true;
  };
}

function readJson(request: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY) request.destroy();
    });
    request.on('end', () => {
      try {
        resolve(JSON.parse(body));
      } catch {
        resolve(undefined);
      }
    });
    request.on('error', () => resolve(undefined));
  });
}
