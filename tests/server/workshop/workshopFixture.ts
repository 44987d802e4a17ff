/**
 * A real workshop server on a free loopback port, over real sandboxed workspaces, with a tiny site
 * of its own (the router and the portal do not care what the pages are). Helpers join as an
 * attendee through the real form and connect through the real router.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { quietLogger } from '../../../server/log';
import { PRESENTER_ID, type WorkshopContext } from '../../../server/workshop/context';
import { portalRoutes } from '../../../server/workshop/portal/portalRoutes';
import { WorkshopStore } from '../../../server/workshop/state/workshopStore';
import { startWorkshopServer, type WorkshopServer } from '../../../server/workshop/workshopServer';
import { TestClient } from '../helpers/testClient';
import { providerFixture, type ProviderFixture } from './fixture';

export interface WorkshopFixture {
  base: string;
  context: WorkshopContext;
  server: WorkshopServer;
  workspaces: ProviderFixture;
  /** Which workspaces the router asked the provider for, in order. */
  endpointCalls: string[];
  join(name: string): Promise<string>;
  instructorCookie(): Promise<string>;
  connect(cookie: string, options?: { query?: string; origin?: string; host?: string }): Promise<TestClient>;
  cleanup(): Promise<void>;
}

export async function workshopFixture(
  settings: { seats?: number; expiresMs?: number; idleMs?: number } = {},
): Promise<WorkshopFixture> {
  const workspaces = await providerFixture();
  const siteDir = path.join(workspaces.dataDir, '..', `${path.basename(workspaces.dataDir)}-site`);
  // Everything this made goes, whether the test passed, failed, or this set-up itself threw.
  const removeAll = async () => {
    await workspaces.cleanup();
    rmSync(siteDir, { recursive: true, force: true });
  };
  try {
    return await startOnWorkspaces(workspaces, siteDir, settings, removeAll);
  } catch (error) {
    await removeAll();
    throw error;
  }
}

async function startOnWorkspaces(
  workspaces: ProviderFixture,
  siteDir: string,
  settings: { seats?: number; expiresMs?: number; idleMs?: number },
  removeAll: () => Promise<void>,
): Promise<WorkshopFixture> {
  mkdirSync(path.join(siteDir, 'docs', 'intro'), { recursive: true });
  writeFileSync(path.join(siteDir, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(siteDir, 'docs', 'intro', 'index.html'), '<h1>Intro page</h1>');
  const steps = [{ id: 'intro/hello', title: 'say hello' }, { id: 'intro/files' }];
  const manifest = {
    version: 1,
    pages: [
      { pageId: 'intro', title: 'Intro', permalink: '/docs/intro', variables: {}, steps },
      // A page of another walkthrough (a docs/ folder): the authoring guide's place on this site.
      {
        pageId: 'guide/more',
        title: 'More',
        permalink: '/docs/guide/more',
        variables: {},
        steps: [{ id: 'guide/more/one' }],
      },
    ],
  };
  writeFileSync(path.join(siteDir, 'steps.json'), JSON.stringify(manifest));
  const store = new WorkshopStore(workspaces.db);
  const endpointCalls: string[] = [];
  const provider = workspaces.provider;
  const counting = Object.create(provider) as typeof provider;
  counting.endpoint = (id, options) => {
    endpointCalls.push(id);
    return provider.endpoint(id, options);
  };
  const identity = store.identity();
  const context: WorkshopContext = {
    store,
    provider: counting,
    identity,
    settings: {
      seats: settings.seats ?? 10,
      expiresMs: settings.expiresMs ?? 3_600_000,
      idleMs: settings.idleMs ?? 3_600_000,
      siteDir,
    },
    policy: { hosts: new Set(), trustProxy: false },
    log: quietLogger,
    firstPage: '/docs/intro',
  };
  await provider.create({ workshopId: identity.id, attendeeId: PRESENTER_ID, displayName: 'Presenter' });
  const server = await startWorkshopServer(context, { host: '127.0.0.1', port: 0 }, (router) =>
    portalRoutes(context, router),
  );
  const base = `http://127.0.0.1:${server.port}`;

  return {
    base,
    context,
    server,
    workspaces,
    endpointCalls,
    join: (name) => joinAs(base, identity.joinCode, name),
    async instructorCookie() {
      const response = await fetch(`${base}/instructor?key=${identity.instructorSecret}`, {
        redirect: 'manual',
      });
      return cookiesOf(response);
    },
    connect(cookie, options = {}) {
      return TestClient.connect(`ws://127.0.0.1:${server.port}/terminal${options.query ?? ''}`, {
        origin: options.origin ?? base,
        headers: { Cookie: cookie, ...(options.host ? { Host: options.host } : {}) },
      });
    },
    async cleanup() {
      await server.close();
      await removeAll();
    },
  };
}

/** `name=value; …` of every Set-Cookie of a response, as a browser would send them back. */
export function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0] ?? '')
    .filter((pair) => !pair.endsWith('='))
    .join('; ');
}

/** Opens the join form, then posts it as the page would: same origin, CSRF value from the form. */
export async function joinAs(base: string, code: string, name: string): Promise<string> {
  const form = await fetch(`${base}/join?code=${code}`, { redirect: 'manual' });
  const html = await form.text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no join form (HTTP ${form.status}): ${html.slice(0, 300)}`);
  const posted = await fetch(`${base}/join`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, Cookie: cookiesOf(form), 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, code, name }).toString(),
  });
  if (posted.status !== 303) throw new Error(`join refused (HTTP ${posted.status}): ${await posted.text()}`);
  return cookiesOf(posted);
}

export { WebSocket };
