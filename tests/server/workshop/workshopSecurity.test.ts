/**
 * The workshop's security promises, each a test, against a real server, real sandboxes and shells.
 * "Refused before any workspace hears of it" is checked by the provider's endpoint calls: a refused
 * request never reaches the provider at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { descendantsOf } from '../../../server/workshop/local/descendants';
import { sendRawRequest } from '../helpers/rawHttp';
import { is } from '../helpers/testClient';
import { runStep } from './fixture';
import { joinAs, workshopFixture, type WorkshopFixture } from './workshopFixture';

let workshop: WorkshopFixture;
let alice: string;
let bob: string;
let bobId: string;

beforeAll(async () => {
  workshop = await workshopFixture();
  alice = await workshop.join('Alice');
  bob = await workshop.join('Bob');
  bobId = workshop.context.store.activeAttendees().find((a) => a.displayName === 'Bob')!.id;
});
afterAll(async () => workshop?.cleanup());

async function refusal(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => 'accepted',
    (error: Error) => error.message,
  );
}

function untouched<T>(action: () => Promise<T>): Promise<T> {
  const before = workshop.endpointCalls.length;
  return action().finally(() => expect(workshop.endpointCalls.length).toBe(before));
}

describe('the router', () => {
  it('puts each attendee in their own workspace: what A writes to ~ lands in A’s home only', async () => {
    const a = await workshop.connect(alice);
    expect((await runStep(a, 'echo from-alice > ~/note.txt && echo "$HOME"')).state).toBe('passed');
    const aliceId = workshop.context.store.activeAttendees().find((x) => x.displayName === 'Alice')!.id;
    const homes = path.join(workshop.workspaces.dataDir, 'homes');
    expect(readFileSync(path.join(homes, aliceId, 'note.txt'), 'utf8')).toBe('from-alice\n');
    const b = await workshop.connect(bob);
    const peek = await runStep(b, 'cat ~/note.txt');
    expect(peek.state).toBe('failed');
    await a.close();
    await b.close();
  });

  it('refuses A’s cookie asking to watch B’s workspace, before asking the provider', async () => {
    await untouched(async () => {
      expect(await refusal(workshop.connect(alice, { query: `?watch=${bobId}` }))).toContain('HTTP 403');
    });
  });

  it('lists to A only A’s terminals, never B’s', async () => {
    const b = await workshop.connect(bob);
    await runStep(b, 'true');
    b.send({ type: 'attach', terminal: 'bobs-own', cols: 80, rows: 24 });
    await b.next(is.attached('bobs-own'), 30_000);
    const a = await workshop.connect(alice);
    const hello = await a.next(is.hello, 30_000);
    expect(JSON.stringify(hello.terminals)).not.toContain('bobs-own');
    await a.close();
    await b.close();
  });

  it('refuses a forged session cookie before any workspace hears of it', async () => {
    await untouched(async () => {
      expect(
        await refusal(workshop.connect('rw_session=forged-value-of-the-right-length-000000000')),
      ).toContain('HTTP 401');
      expect(await refusal(workshop.connect(''))).toContain('HTTP 401');
    });
  });

  it('refuses a replayed cookie of a session the instructor ended', async () => {
    const carol = await workshop.join('Carol');
    const carolId = workshop.context.store.activeAttendees().find((a) => a.displayName === 'Carol')!.id;
    const instructor = await workshop.instructorCookie();
    const ended = await fetch(`${workshop.base}/instructor/attendees/${carolId}/end`, {
      method: 'POST',
      headers: { Origin: workshop.base, Cookie: instructor },
    });
    expect(ended.status).toBe(200);
    await untouched(async () => {
      expect(await refusal(workshop.connect(carol))).toContain('HTTP 401');
    });
    const page = await fetch(`${workshop.base}/docs/intro`, {
      headers: { Cookie: carol },
      redirect: 'manual',
    });
    expect(await page.text()).toContain('Session ended');
  });

  it('refuses the cookie of an expired session, and its page says what to do', async () => {
    const short = await workshopFixture({ expiresMs: 1 });
    try {
      const dave = await short.join('Dave');
      const before = short.endpointCalls.length;
      expect(await refusal(short.connect(dave))).toContain('HTTP 401');
      expect(short.endpointCalls.length).toBe(before);
      const page = await fetch(`${short.base}/docs/intro`, { headers: { Cookie: dave }, redirect: 'manual' });
      expect(page.status).toBe(401);
      expect(await page.text()).toMatch(/Session expired[\s\S]*join again/);
    } finally {
      await short.cleanup();
    }
  });

  it('refuses a WebSocket from a foreign Origin, or with none, even with a good cookie', async () => {
    await untouched(async () => {
      expect(await refusal(workshop.connect(alice, { origin: 'http://evil.example' }))).toContain('HTTP 403');
      expect(await refusal(workshop.connect(alice, { origin: 'null' }))).toContain('HTTP 403');
    });
  });

  it('refuses a rebinding Host, for WebSockets and pages alike', async () => {
    const port = new URL(workshop.base).port;
    await untouched(async () => {
      const host = `evil.example:${port}`;
      expect(await refusal(workshop.connect(alice, { host, origin: `http://${host}` }))).toContain(
        'HTTP 403',
      );
    });
    const page = await sendRawRequest(
      Number(port),
      `GET /docs/intro HTTP/1.1\r\nHost: evil.example:${port}\r\nCookie: ${alice}\r\nConnection: close\r\n\r\n`,
    );
    expect(page.status).toBe(403);
  });
});

describe('watch-only access', () => {
  it('never starts a stopped workspace', async () => {
    const instructor = await workshop.instructorCookie();
    await workshop.context.provider.stop(bobId);
    expect(await refusal(workshop.connect(instructor, { query: `?watch=${bobId}` }))).toContain('HTTP 404');
    expect(workshop.workspaces.provider.runningPids().has(bobId)).toBe(false);
  });

  it('cannot make the watched workspace start a shell by attaching a new terminal name', async () => {
    const b = await workshop.connect(bob);
    await runStep(b, 'true');
    const serverOfB = workshop.workspaces.provider.runningPids().get(bobId)!;
    const before = descendantsOf(serverOfB).length;
    const instructor = await workshop.instructorCookie();
    const watcher = await workshop.connect(instructor, { query: `?watch=${bobId}` });
    watcher.send({ type: 'attach', terminal: 'newone', cols: 80, rows: 24 });
    expect((await watcher.next(is.error, 30_000)).code).toBe('unknown-terminal');
    expect(descendantsOf(serverOfB).length).toBe(before);
    await watcher.close();
    await b.close();
  });

  it('may not type, run or stop in the workspace it watches', async () => {
    const b = await workshop.connect(bob);
    await runStep(b, 'true');
    const instructor = await workshop.instructorCookie();
    const watcher = await workshop.connect(instructor, { query: `?watch=${bobId}` });
    watcher.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await watcher.next(is.attached('main'), 30_000);
    watcher.send({ type: 'run', terminal: 'main', stepId: 'x/y', command: 'touch ~/watched' });
    expect((await watcher.next(is.error, 30_000)).code).toBe('read-only');
    await watcher.close();
    await b.close();
  });
});

describe('the portal', () => {
  it('keeps the instructor secret and the join code apart', async () => {
    const { joinCode, instructorSecret } = workshop.context.identity;
    expect(joinCode).not.toBe(instructorSecret);
    const asKey = await fetch(`${workshop.base}/instructor?key=${joinCode}`, { redirect: 'manual' });
    expect(asKey.status).toBe(403);
    const asCode = await fetch(`${workshop.base}/join?code=${encodeURIComponent(instructorSecret)}`);
    expect(asCode.status).toBe(404);
    const attendeeOnDashboard = await fetch(`${workshop.base}/instructor/state.json`, {
      headers: { Cookie: alice },
    });
    expect(attendeeOnDashboard.status).toBe(403);
  });

  it('refuses a join posted from another site or without the form’s CSRF value', async () => {
    const { joinCode } = workshop.context.identity;
    const post = (headers: Record<string, string>, body: Record<string, string>) =>
      fetch(`${workshop.base}/join`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
      });
    const seated = workshop.context.store.activeAttendees().length;
    expect((await post({ Origin: 'http://evil.example' }, { code: joinCode, name: 'Eve' })).status).toBe(403);
    const noCsrf = await post(
      { Origin: workshop.base, Cookie: 'rw_csrf=abc' },
      { code: joinCode, name: 'Eve', csrf: 'xyz' },
    );
    expect(noCsrf.status).toBe(403);
    expect(workshop.context.store.activeAttendees().length).toBe(seated);
  });

  it('serves the site to nobody without a session', async () => {
    const page = await fetch(`${workshop.base}/docs/intro`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/join');
  });

  it('serves an attendee the site gzipped, as a static host would: the room shares one Wi-Fi', async () => {
    const script = `console.log(${JSON.stringify('a step, '.repeat(4000))});\n`;
    writeFileSync(path.join(workshop.context.settings.siteDir, 'bundle.js'), script);
    const response = await fetch(`${workshop.base}/bundle.js`, {
      headers: { Cookie: alice, 'Accept-Encoding': 'gzip' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(await response.text()).toBe(script);
  });

  it('shows "workshop full" when every seat is taken, saying what to do', async () => {
    const small = await workshopFixture({ seats: 1 });
    try {
      await joinAs(small.base, small.context.identity.joinCode, 'First');
      const full = await fetch(`${small.base}/join?code=${small.context.identity.joinCode}`);
      expect(full.status).toBe(503);
      expect(await full.text()).toMatch(/full[\s\S]*instructor/);
    } finally {
      await small.cleanup();
    }
  });
});
