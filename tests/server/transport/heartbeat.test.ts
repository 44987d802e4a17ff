import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { is } from '../helpers/testClient';
import { startTestServer, type TestServer } from '../helpers/testServer';

const HEARTBEAT_MS = 200;
let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ heartbeatMs: HEARTBEAT_MS });
});
afterAll(() => t.stop());

describe('heartbeats', () => {
  it('drop a client that stops answering pings; its terminal lives on', async () => {
    const silent = await t.connect({ autoPong: false });
    await silent.next(is.hello);
    silent.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await silent.next(is.attached('main'));
    const started = Date.now();
    const closed = await silent.closed;
    // Terminated, not closed: no close frame arrives from a peer presumed dead.
    expect(closed.code).toBe(1006);
    expect(Date.now() - started).toBeLessThan(30 * HEARTBEAT_MS);
    // The terminal outlives its client for the grace period.
    expect(t.hub.list().map((terminal) => terminal.name)).toEqual(['main']);
  });

  it('keep a client that answers pings connected across many intervals', async () => {
    const live = await t.connect();
    await live.next(is.hello);
    await new Promise((resolve) => setTimeout(resolve, 10 * HEARTBEAT_MS));
    expect(live.isOpen).toBe(true);
    live.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await live.next(is.attached('main'));
    await live.close();
  });
});
