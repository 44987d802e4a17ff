import { describe, expect, it } from 'vitest';
import { collectOrigin, parseDuration, parsePort } from '../../../server/launch/optionParsers';
import { quietLogger } from '../../../server/log';
import { startTerminalServer } from '../../../server/terminalServer';
import { createAccessTokens } from '../../../server/transport/accessTokens';
import { acceptedHostNames, isLoopbackHost, parseHostHeader } from '../../../server/transport/hostNames';
import { normalizeOrigin } from '../../../server/transport/upgradeGuard';
import type { TerminalHub } from '../../../server/hub';

describe('Host headers', () => {
  it.each([
    ['localhost:3000', { name: 'localhost', port: 3000 }],
    ['LOCALHOST:3000', { name: 'localhost', port: 3000 }],
    ['127.0.0.1', { name: '127.0.0.1', port: undefined }],
    ['[::1]:8080', { name: '[::1]', port: 8080 }],
  ])('parses %s', (value, expected) => {
    expect(parseHostHeader(value)).toEqual(expected);
  });

  it.each([
    '',
    '[::1',
    '[zz]:1',
    'a b:1',
    'host:',
    'host:0',
    'host:65536',
    'x:1:2',
    '-lead:1',
    'évil:1',
    'user@host:1',
  ])('refuses %j', (value) => {
    expect(parseHostHeader(value)).toBeUndefined();
  });

  it('accepts only loopback names, plus the configured host, for a loopback or named bind', () => {
    expect([...acceptedHostNames('127.0.0.1')].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    expect(acceptedHostNames('192.168.1.20').has('192.168.1.20')).toBe(true);
    expect(acceptedHostNames('::1').has('[::1]')).toBe(true);
  });

  it('tells loopback hosts from reachable ones', () => {
    for (const host of ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])
      expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'example.com', 'localhost.example.com'])
      expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe('origins and command-line values', () => {
  it('normalizes origins and refuses opaque or non-http ones', () => {
    expect(normalizeOrigin('http://LocalHost:3000')).toBe('http://localhost:3000');
    expect(normalizeOrigin('https://example.com:443')).toBe('https://example.com');
    for (const value of ['null', 'file:///x', 'chrome-extension://abc', 'not a url'])
      expect(normalizeOrigin(value)).toBeUndefined();
  });

  it('reads --allow-origin, --port and --grace, refusing what they do not mean', () => {
    expect(collectOrigin('http://localhost:3000/', [])).toEqual(['http://localhost:3000']);
    expect(() => collectOrigin('http://localhost:3000/docs', [])).toThrow(/not an origin/);
    expect(() => collectOrigin('localhost:3000', [])).toThrow(/not an origin/);
    expect(parsePort('0')).toBe(0);
    expect(() => parsePort('70000')).toThrow(/0 to 65535/);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('30')).toBe(30_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(() => parseDuration('soon')).toThrow(/90s, 5m or 1h/);
  });
});

describe('tokens and launch URLs', () => {
  it('grants full access to the token, watch-only access to the audience token, nothing to anything else', () => {
    const tokens = createAccessTokens({ audience: true });
    expect(tokens.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokens.check(tokens.token)).toBe('full');
    expect(tokens.check(tokens.audienceToken)).toBe('audience');
    for (const wrong of [undefined, null, '', tokens.token.slice(1), `${tokens.token}=`])
      expect(tokens.check(wrong)).toBeUndefined();
    expect(createAccessTokens({ audience: false }).audienceToken).toBeUndefined();
  });

  it('puts the server address in the fragment only for a site on another origin', async () => {
    // The hub is never reached by this test: no client connects.
    const server = await startTerminalServer({ hub: {} as TerminalHub, log: quietLogger });
    try {
      const elsewhere = new URL(server.launchUrl('http://localhost:3000'));
      expect(elsewhere.origin).toBe('http://localhost:3000');
      expect(Object.fromEntries(new URLSearchParams(elsewhere.hash.slice(1)))).toEqual({
        'rw-server': `ws://127.0.0.1:${server.port}/terminal`,
        'rw-token': server.token,
      });
      const same = new URL(server.launchUrl(`http://localhost:${server.port}`));
      expect(Object.fromEntries(new URLSearchParams(same.hash.slice(1)))).toEqual({
        'rw-token': server.token,
      });
      expect(() => server.launchUrl('http://localhost:3000', { audience: true })).toThrow(/audience/);
    } finally {
      await server.close();
    }
  });
});
