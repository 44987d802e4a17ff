import { describe, expect, it } from 'vitest';
import {
  ENDPOINT_STORAGE_KEY,
  probeUrl,
  socketUrl,
  takeLaunchParams,
  workshopSessionEnd,
  type LaunchEnvironment,
} from '../../src/client/launch';

function environment(href: string, stored: Record<string, string> = {}) {
  const url = new URL(href);
  const items = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const env: LaunchEnvironment = {
    location: {
      hash: url.hash,
      host: url.host,
      protocol: url.protocol,
      pathname: url.pathname,
      search: url.search,
    },
    history: { state: null, replaceState: (_state, _unused, next) => replaced.push(String(next)) },
    storage: {
      getItem: (key) => items.get(key) ?? null,
      setItem: (key, value) => void items.set(key, value),
      removeItem: (key) => void items.delete(key),
    },
  };
  return { env, items, replaced };
}

describe('takeLaunchParams', () => {
  it('reads server and token from the fragment, stores them and removes them from the address bar', () => {
    const server = 'ws://127.0.0.1:3001/terminal';
    const { env, items, replaced } = environment(
      `http://localhost:3000/docs/page?x=1#rw-server=${encodeURIComponent(server)}&rw-token=abc123`,
    );
    expect(takeLaunchParams(env)).toEqual({ server, token: 'abc123' });
    expect(JSON.parse(items.get(ENDPOINT_STORAGE_KEY)!)).toEqual({ server, token: 'abc123' });
    expect(replaced).toEqual(['/docs/page?x=1']);
  });

  it('uses the page origin and the terminal path when only a token is given (live mode)', () => {
    const { env, replaced } = environment('https://localhost:8080/#rw-token=t0k');
    expect(takeLaunchParams(env)).toEqual({ server: 'wss://localhost:8080/terminal', token: 't0k' });
    expect(replaced).toEqual(['/']);
  });

  it('keeps unrelated fragment parameters in the address bar', () => {
    const { env, replaced } = environment('http://localhost:3000/#rw-token=t&step=3');
    takeLaunchParams(env);
    expect(replaced).toEqual(['/#step=3']);
  });

  it('leaves an ordinary heading anchor alone and falls back to the stored endpoint', () => {
    const stored = { server: 'ws://127.0.0.1:3001/terminal', token: 'old' };
    const { env, replaced } = environment('http://localhost:3000/page#some-heading', {
      [ENDPOINT_STORAGE_KEY]: JSON.stringify(stored),
    });
    expect(takeLaunchParams(env)).toEqual(stored);
    expect(replaced).toEqual([]);
  });

  it('returns null with nothing in the fragment and nothing stored (static site)', () => {
    const { env } = environment('http://example.org/');
    expect(takeLaunchParams(env)).toBeNull();
  });

  it('drops a stored endpoint it cannot read', () => {
    const { env, items } = environment('http://localhost:3000/', {
      [ENDPOINT_STORAGE_KEY]: '{"server":"http://x"}',
    });
    expect(takeLaunchParams(env)).toBeNull();
    expect(items.has(ENDPOINT_STORAGE_KEY)).toBe(false);
  });
});

describe('socketUrl and probeUrl', () => {
  it('puts the token in the query and probes the same host over http', () => {
    const endpoint = { server: 'ws://127.0.0.1:3001/terminal', token: 'a b' };
    expect(socketUrl(endpoint)).toBe('ws://127.0.0.1:3001/terminal?token=a+b');
    expect(probeUrl(endpoint)).toBe('http://127.0.0.1:3001/');
  });
});

describe('a page served by a workshop server', () => {
  it('connects to its own origin’s router, over a laptop endpoint stored before, with no secret', () => {
    const { env, items } = environment('https://workshop.example/docs/intro', {
      [ENDPOINT_STORAGE_KEY]: JSON.stringify({ server: 'ws://127.0.0.1:3001/terminal', token: 'old' }),
    });
    const endpoint = takeLaunchParams({ ...env, cookie: 'theme=dark; rw_workshop=1767225600000' });
    expect(endpoint).toEqual({ server: 'wss://workshop.example/terminal', token: 'workshop-session' });
    expect(JSON.parse(items.get(ENDPOINT_STORAGE_KEY)!)).toEqual(endpoint);
  });

  it('reads when the session ends from the marker cookie, and nothing from other cookies', () => {
    expect(workshopSessionEnd('a=1; rw_workshop=1767225600000')).toBe(1767225600000);
    expect(workshopSessionEnd('rw_workshop_x=5; rw_workshop=')).toBeUndefined();
    expect(workshopSessionEnd('')).toBeUndefined();
  });
});
