/**
 * Which names this server answers to. A browser puts the name it resolved in the Host header, so a
 * page on `evil.example` that rebinds its DNS to 127.0.0.1 still says `Host: evil.example:PORT`:
 * answering only to loopback names (and the configured host) defeats DNS rebinding.
 */
import { hostname, networkInterfaces } from 'node:os';
import { isIP } from 'node:net';

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** True for names that only this machine can reach: `localhost`, 127.0.0.0/8, `::1`. */
export function isLoopbackHost(host: string): boolean {
  const name = unbracket(host.toLowerCase());
  if (name === 'localhost' || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/** The Host-header names (IPv6 in brackets, lower case) accepted for a server bound to `bindHost`. */
export function acceptedHostNames(bindHost: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const bound = unbracket(bindHost.toLowerCase());
  if (WILDCARDS.has(bound)) {
    // Bound to every interface (only with --allow-remote): a remote reader uses one of its addresses or its name.
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(asHostHeaderName(address.address.toLowerCase()));
    }
  } else {
    names.add(asHostHeaderName(bound));
  }
  return names;
}

/** How a name appears in a Host header or URL: IPv6 literals in brackets, zone ids dropped. */
export function asHostHeaderName(name: string): string {
  const bare = unbracket(name).split('%')[0] ?? '';
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

function unbracket(name: string): string {
  return name.startsWith('[') && name.endsWith(']') ? name.slice(1, -1) : name;
}

export type ParsedHost = { name: string; port: number | undefined };

/** Parses a Host header value; undefined when it is not a plain `name[:port]`. */
export function parseHostHeader(value: string): ParsedHost | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]{0,252}))(?::(\d{1,5}))?$/.exec(value.toLowerCase());
  if (!match) return undefined;
  const name = match[1] ?? '';
  if (name.startsWith('[') && isIP(name.slice(1, -1)) !== 6) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65_535)) return undefined;
  return { name, port };
}
