import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { shellsUnder } from '../helpers/processes';
import { is } from '../helpers/testClient';

let t: TestServer;

beforeAll(async () => {
  t = await startTestServer({ audience: true });
});

afterAll(async () => {
  await t.stop();
});

describe('a watch-only (audience) connection', () => {
  it('gets a clear error, and no shell, when it attaches a terminal that does not exist', async () => {
    const audience = await t.connect({ token: t.server.audienceToken });
    await audience.next(is.hello);
    audience.send({ type: 'attach', terminal: 'newone', cols: 80, rows: 24 });
    const refused = await audience.next(is.error);
    expect(refused).toMatchObject({ code: 'unknown-terminal', terminal: 'newone' });
    expect(refused.message).toMatch(/may only watch/);
    expect(t.hub.list()).toEqual([]);
    expect(shellsUnder(process.pid)).toEqual([]);
    await audience.close();
  });

  it('still watches a terminal that a writing connection started', async () => {
    const presenter = await t.connect();
    presenter.send({ type: 'attach', terminal: 'shown', cols: 80, rows: 24 });
    await presenter.next(is.attached('shown'));
    const audience = await t.connect({ token: t.server.audienceToken });
    audience.send({ type: 'attach', terminal: 'shown', cols: 80, rows: 24 });
    expect((await audience.next(is.attached('shown'))).readOnly).toBe(true);
    expect(t.hub.list().map((terminal) => terminal.name)).toEqual(['shown']);
    await Promise.all([audience.close(), presenter.close()]);
  });
});
