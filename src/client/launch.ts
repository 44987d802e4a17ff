/**
 * The one place that knows where the terminal server is and which token opens it. A start command
 * hands both over in the URL fragment (see `LAUNCH_PARAMS`); we keep them in localStorage so that a
 * reload or a second tab finds the server too, and take them out of the address bar at once so the
 * token is not bookmarked, shared in a screenshot, or left in the history.
 */
import {
  LAUNCH_PARAMS,
  TERMINAL_PATH,
  TOKEN_PARAM,
  WORKSHOP_COOKIE,
  WORKSHOP_TOKEN,
} from '../protocol/messages';

export interface Endpoint {
  /** `ws://127.0.0.1:3001/terminal`, or the page's own origin in the same-origin live mode. */
  readonly server: string;
  readonly token: string;
}

/** What this module needs from `window`: injected so that tests need no browser. */
export interface LaunchEnvironment {
  readonly location: Pick<Location, 'hash' | 'host' | 'protocol' | 'pathname' | 'search'>;
  readonly history: Pick<History, 'replaceState' | 'state'>;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** `document.cookie`: a workshop server marks its pages with WORKSHOP_COOKIE. */
  readonly cookie?: string;
}

export const ENDPOINT_STORAGE_KEY = 'rw:endpoint';

/**
 * Reads launch parameters from the fragment (if any), stores them, removes them from the address
 * bar, and returns the endpoint to use: the fresh one, else the stored one, else null (static mode).
 */
export function takeLaunchParams(env: LaunchEnvironment): Endpoint | null {
  const fresh = parseFragment(env.location);
  if (fresh) {
    env.storage.setItem(ENDPOINT_STORAGE_KEY, JSON.stringify(fresh.endpoint));
    const url = `${env.location.pathname}${env.location.search}${fresh.remainingHash}`;
    env.history.replaceState(env.history.state, '', url);
    return fresh.endpoint;
  }
  if (workshopSessionEnd(env.cookie ?? '') !== undefined) {
    // Served by a workshop server: its router is the terminal server, whatever a laptop stored before.
    const endpoint = { server: sameOriginServer(env.location), token: WORKSHOP_TOKEN };
    // Following the presenter mirrors their workspace, read-only, in this tab only: not stored.
    if (isFollowing(env.location)) return { ...endpoint, server: `${endpoint.server}?${FOLLOW_QUERY}` };
    env.storage.setItem(ENDPOINT_STORAGE_KEY, JSON.stringify(endpoint));
    return endpoint;
  }
  return storedEndpoint(env.storage);
}

const FOLLOW_QUERY = 'follow=presenter';

/** A page opened with `?follow=presenter` (an attendee following the presenter's deck). */
export function isFollowing(location: Pick<Location, 'search'>): boolean {
  return new URLSearchParams(location.search).get('follow') === 'presenter';
}

/** When the workshop session of this page ends (ms since the epoch), or undefined outside a workshop. */
export function workshopSessionEnd(cookie: string): number | undefined {
  for (const part of cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === WORKSHOP_COOKIE && value !== undefined && /^\d+$/.test(value)) return Number(value);
  }
  return undefined;
}

let captured: { endpoint: Endpoint | null } | undefined;

/**
 * Reads the fragment of this page load once, as early as possible (Root's module runs before the
 * page hydrates), so the token spends no longer in the address bar than it must.
 */
export function captureLaunchParams(): Endpoint | null {
  captured ??= {
    endpoint: takeLaunchParams({
      location: window.location,
      history: window.history,
      storage: window.localStorage,
      cookie: document.cookie,
    }),
  };
  return captured.endpoint;
}

/**
 * Runs again once the page has hydrated: the router may restore the URL it was created with, and
 * the token must not stay in the address bar (screen sharing, history). Idempotent.
 */
export function scrubLaunchParams(): void {
  if (!parseFragment(window.location)) return;
  takeLaunchParams({ location: window.location, history: window.history, storage: window.localStorage });
}

export function storedEndpoint(storage: LaunchEnvironment['storage']): Endpoint | null {
  const raw = storage.getItem(ENDPOINT_STORAGE_KEY);
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (isEndpoint(value)) return value;
  } catch (error) {
    console.warn('[runner] ignoring an unreadable stored terminal server address', error);
  }
  storage.removeItem(ENDPOINT_STORAGE_KEY);
  return null;
}

/** Forgets the server (e.g. "reset"); the next start URL brings it back. */
export function forgetEndpoint(storage: LaunchEnvironment['storage']): void {
  storage.removeItem(ENDPOINT_STORAGE_KEY);
}

/** The URL a WebSocket opens: the server address with the token as a query parameter. */
export function socketUrl(endpoint: Endpoint): string {
  const url = new URL(endpoint.server);
  url.searchParams.set(TOKEN_PARAM, endpoint.token);
  return url.toString();
}

/** The http(s) URL of the same server, used to tell "nothing listens" from "refused us". */
export function probeUrl(endpoint: Endpoint): string {
  const url = new URL(endpoint.server);
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:';
  url.pathname = '/';
  url.search = '';
  return url.toString();
}

function parseFragment(
  location: LaunchEnvironment['location'],
): { endpoint: Endpoint; remainingHash: string } | null {
  const hash = location.hash.startsWith('#') ? location.hash.slice(1) : location.hash;
  if (!hash.includes(`${LAUNCH_PARAMS.token}=`)) return null;
  const params = new URLSearchParams(hash);
  const token = params.get(LAUNCH_PARAMS.token);
  if (!token) return null;
  const server = params.get(LAUNCH_PARAMS.server) ?? sameOriginServer(location);
  params.delete(LAUNCH_PARAMS.token);
  params.delete(LAUNCH_PARAMS.server);
  const rest = params.toString();
  if (!isSocketUrl(server)) {
    console.warn(`[runner] ignoring launch parameters: "${server}" is not a ws:// or wss:// URL`);
    return { endpoint: { server: sameOriginServer(location), token }, remainingHash: rest ? `#${rest}` : '' };
  }
  return { endpoint: { server, token }, remainingHash: rest ? `#${rest}` : '' };
}

function sameOriginServer(location: LaunchEnvironment['location']): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}${TERMINAL_PATH}`;
}

function isSocketUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'ws:' || url.protocol === 'wss:';
  } catch {
    return false;
  }
}

function isEndpoint(value: unknown): value is Endpoint {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.server === 'string' &&
    isSocketUrl(candidate.server) &&
    typeof candidate.token === 'string' &&
    candidate.token.length > 0
  );
}

/** `?view=audience`: the projector's (or an attendee's) view of a deck, which only watches. */
export function isAudienceView(search: string): boolean {
  return new URLSearchParams(search).get('view') === 'audience';
}
