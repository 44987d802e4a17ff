/**
 * Decides, from the request alone, whether an upgrade may become a terminal connection. It runs
 * before `handleUpgrade` and before the hub hears of the client, so a refused request never gets
 * near a shell. The order matters only for the reason given; every refusal is final.
 */
import type { IncomingMessage } from 'node:http';
import { TERMINAL_PATH, TOKEN_PARAM } from '../../src/protocol/messages';
import type { Access, AccessTokens } from './accessTokens';
import { parseHostHeader } from './hostNames';

export interface UpgradePolicy {
  /** The port the server listens on: a Host header naming another port is refused. */
  readonly port: number;
  /** Host-header names accepted (see `acceptedHostNames`). */
  readonly hostNames: ReadonlySet<string>;
  /** Normalized origins (`new URL(o).origin`) whose pages may connect. */
  readonly origins: ReadonlySet<string>;
  readonly tokens: AccessTokens;
}

export type Verdict =
  { ok: true; access: Access } | { ok: false; status: 400 | 401 | 403 | 404; reason: string };

export function checkUpgrade(request: IncomingMessage, policy: UpgradePolicy): Verdict {
  const target = parseTarget(request.url);
  if (!target) return refuse(400, 'malformed request target');
  if (target.pathname !== TERMINAL_PATH) return refuse(404, `no WebSocket endpoint at ${target.pathname}`);

  const host = checkHost(request, policy);
  if (host) return host;
  const origin = checkOrigin(request, policy);
  if (origin) return origin;

  const presented = target.searchParams.getAll(TOKEN_PARAM);
  if (presented.length === 0) return refuse(401, 'missing token: open the URL the server printed');
  if (presented.length > 1) return refuse(400, 'more than one token');
  const access = policy.tokens.check(presented[0]);
  if (!access) return refuse(401, 'wrong token: open the URL the server printed at its latest start');
  return { ok: true, access };
}

/** The same Host rule for plain HTTP requests to a served site (DNS rebinding reads pages too). */
export function checkHost(request: IncomingMessage, policy: UpgradePolicy): Verdict | undefined {
  const values = headerValues(request, 'host');
  if (values.length !== 1) return refuse(400, 'a request needs exactly one Host header');
  const parsed = parseHostHeader(values[0] ?? '');
  if (!parsed) return refuse(400, 'malformed Host header');
  const port = parsed.port ?? 80;
  if (!policy.hostNames.has(parsed.name) || port !== policy.port) {
    return refuse(403, `host ${parsed.name}:${port} is not this server; use the printed URL`);
  }
  return undefined;
}

function checkOrigin(request: IncomingMessage, policy: UpgradePolicy): Verdict | undefined {
  const values = headerValues(request, 'origin');
  // No Origin: not a browser page (a tool, a test); the token alone decides.
  if (values.length === 0) return undefined;
  if (values.length > 1) return refuse(400, 'more than one Origin header');
  const origin = normalizeOrigin(values[0] ?? '');
  if (origin === undefined) return refuse(403, 'malformed or opaque Origin');
  if (!policy.origins.has(origin)) {
    return refuse(403, `origin ${origin} is not allowed; start the server with --allow-origin ${origin}`);
  }
  return undefined;
}

/** `http://LocalHost:80` → `http://localhost`; undefined for `null` and anything not http(s). */
export function normalizeOrigin(value: string): string | undefined {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}

function parseTarget(url: string | undefined): URL | undefined {
  if (url === undefined || !url.startsWith('/')) return undefined;
  try {
    return new URL(url, 'http://target.invalid');
  } catch {
    return undefined;
  }
}

/** Raw values, so that a duplicated header is seen rather than silently merged by Node. */
function headerValues(request: IncomingMessage, name: string): string[] {
  const values: string[] = [];
  const raw = request.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]?.toLowerCase() === name) values.push(raw[i + 1] ?? '');
  }
  return values;
}

function refuse(status: 400 | 401 | 403 | 404, reason: string): Verdict {
  return { ok: false, status, reason };
}
