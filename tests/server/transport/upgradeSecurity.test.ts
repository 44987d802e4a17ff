import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newToken } from '../../../server/transport/accessTokens';
import { PROTOCOL_VERSION } from '../../../src/protocol/messages';
import { shellsUnder } from '../helpers/processes';
import { sendRawRequest, upgradeRequest, type UpgradeParts } from '../helpers/rawHttp';
import { is } from '../helpers/testClient';
import { SITE_ORIGIN, startTestServer, type TestServer } from '../helpers/testServer';

let t: TestServer;
let port: number;

beforeAll(async () => {
  t = await startTestServer({ audience: true });
  port = t.server.port;
});
afterAll(() => t.stop());

const upgrade = (parts: Partial<UpgradeParts>) =>
  sendRawRequest(
    port,
    upgradeRequest({ host: `127.0.0.1:${port}`, origin: SITE_ORIGIN, token: t.server.token, ...parts }),
  );

/** A refusal must happen before the hub hears of the client: no terminal, no shell. */
function expectNoShell() {
  expect(t.hub.list()).toEqual([]);
  expect(shellsUnder(process.pid)).toEqual([]);
}

describe('a WebSocket upgrade to the terminal server', () => {
  it('is refused (403) from a page on an origin that was not allowed, before any shell exists', async () => {
    const response = await upgrade({ origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.body).toContain('--allow-origin');
    expectNoShell();
  });

  it('is refused (401) without a token, with or without an Origin', async () => {
    expect((await upgrade({ token: undefined })).status).toBe(401);
    expect((await upgrade({ token: undefined, origin: undefined })).status).toBe(401);
    expectNoShell();
  });

  it('is refused (401) with a wrong token: another one, a prefix, the token plus a character', async () => {
    const token = t.server.token;
    for (const wrong of [newToken(), token.slice(0, -1), `${token}A`, 'x'.repeat(token.length)]) {
      expect((await upgrade({ token: wrong })).status, wrong).toBe(401);
    }
    expectNoShell();
  });

  it('is refused (403) when Host names another site (DNS rebinding), even with the token', async () => {
    expect((await upgrade({ host: `evil.example:${port}` })).status).toBe(403);
    expect(
      (await upgrade({ host: `evil.example:${port}`, origin: `http://evil.example:${port}` })).status,
    ).toBe(403);
    expect((await upgrade({ host: `localhost:${port + 1}` })).status).toBe(403);
    expectNoShell();
  });

  it('is refused (400) with a malformed, missing or doubled Host header, and the server keeps serving', async () => {
    const malformed: Partial<UpgradeParts>[] = [
      { host: null },
      { host: '' },
      { host: '[::1' },
      { host: 'local host:1' },
      { host: `127.0.0.1:${port}:${port}` },
      { host: 'localhost:99999' },
      { host: `\u00e9vil.example:${port}` },
      { extraLines: [`Host: localhost:${port}`] },
    ];
    for (const parts of malformed) {
      const response = await upgrade(parts);
      expect(response.status, JSON.stringify(parts)).toBe(400);
    }
    expectNoShell();
    const client = await t.connect();
    expect((await client.next(is.hello)).version).toBe(PROTOCOL_VERSION);
    await client.close();
  });

  it('is refused for an opaque (null) or doubled Origin, and for another path', async () => {
    expect((await upgrade({ origin: 'null' })).status).toBe(403);
    expect((await upgrade({ extraLines: ['Origin: https://evil.example'] })).status).toBe(400);
    expect((await upgrade({ path: '/not-the-terminal' })).status).toBe(404);
    expectNoShell();
  });

  it('accepts the right token from the site origin and says hello with the protocol version', async () => {
    const client = await t.connect();
    const hello = await client.next(is.hello);
    expect(hello).toEqual({ type: 'hello', version: PROTOCOL_VERSION, terminals: [], readOnly: false });
    await client.close();
  });

  it('accepts the right token without an Origin (a tool, not a page)', async () => {
    const client = await t.connect({ origin: undefined });
    expect((await client.next(is.hello)).readOnly).toBe(false);
    await client.close();
  });

  it('accepts loopback names and its own origin (same-origin mode) in Host and Origin', async () => {
    for (const host of [`localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await upgrade({ host, origin: `http://localhost:${port}` })).status, host).toBe(101);
    }
  });

  it('makes an audience token a watch-only connection: it sees a terminal but may not type or run', async () => {
    const presenter = await t.connect();
    presenter.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await presenter.next(is.attached('main'));
    const audience = await t.connect({ token: t.server.audienceToken });
    expect((await audience.next(is.hello)).readOnly).toBe(true);
    audience.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    expect((await audience.next(is.attached('main'))).readOnly).toBe(true);
    audience.send({ type: 'run', terminal: 'main', stepId: 'audience-run', command: 'echo no' });
    expect((await audience.next(is.error)).code).toBe('read-only');
    audience.send({ type: 'input', terminal: 'main', data: 'echo no\r' });
    expect((await audience.next(is.error)).code).toBe('read-only');
    await Promise.all([audience.close(), presenter.close()]);
  });
});
