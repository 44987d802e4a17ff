/**
 * Whether a request is addressed to this workshop (Host: DNS rebinding) and comes from its own pages
 * (Origin: cross-site requests and WebSockets), and whether it came over TLS. X-Forwarded-Proto is
 * believed only with --trust-proxy: otherwise anyone could claim https.
 */
import type { IncomingMessage } from 'node:http';
import { parseHostHeader } from '../../transport/hostNames';

export interface SitePolicy {
  /** `name:port` or `name` (a default port) as a Host header may carry them, lower case. */
  readonly hosts: Set<string>;
  readonly trustProxy: boolean;
}

export function isSecure(request: IncomingMessage, policy: SitePolicy): boolean {
  if ((request.socket as { encrypted?: boolean }).encrypted) return true;
  if (!policy.trustProxy) return false;
  const forwarded = request.headers['x-forwarded-proto'];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
  return first === 'https';
}

/** The request's Host if it is one of ours, else undefined. */
export function ourHost(request: IncomingMessage, policy: SitePolicy): string | undefined {
  const raw = request.rawHeaders;
  const values: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2)
    if (raw[i]?.toLowerCase() === 'host') values.push(raw[i + 1] ?? '');
  if (values.length !== 1) return undefined;
  const host = (values[0] ?? '').toLowerCase();
  if (!parseHostHeader(host)) return undefined;
  return policy.hosts.has(host) ? host : undefined;
}

/**
 * True when the Origin is this very site (same scheme and host as the request): a WebSocket or a
 * form post from anywhere else is refused. A request with no Origin is refused too: browsers send
 * one on every WebSocket and POST.
 */
export function isOwnOrigin(request: IncomingMessage, policy: SitePolicy): boolean {
  const host = ourHost(request, policy);
  const origin = request.headers.origin;
  if (!host || typeof origin !== 'string') return false;
  const scheme = isSecure(request, policy) ? 'https' : 'http';
  return origin.toLowerCase() === `${scheme}://${host}`;
}

/** The Host names a server bound to `bindHost:port` answers to, plus a public URL's (behind a proxy). */
export function siteHosts(names: Iterable<string>, port: number, publicUrl?: string): Set<string> {
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  if (publicUrl) {
    const url = new URL(publicUrl);
    hosts.add(url.host.toLowerCase());
  }
  return hosts;
}
