/**
 * A real workshop server (portal, router, lifetimes) whose workspaces are pods of the simulated
 * cluster (a test double: simulatedApi/README.md): the router's proxying, readiness and culling
 * run for real against the real client library and real terminal-server processes.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { quietLogger } from '../../../server/log';
import { PRESENTER_ID, type WorkshopContext } from '../../../server/workshop/context';
import type { KubernetesProvider } from '../../../server/workshop/kubernetes/kubernetesProvider';
import { instructorRoutes } from '../../../server/workshop/portal/instructorRoutes';
import { openDatabase } from '../../../server/workshop/state/database';
import { WorkshopStore } from '../../../server/workshop/state/workshopStore';
import { startWorkshopServer, type WorkshopServer } from '../../../server/workshop/workshopServer';
import { TestClient } from '../../server/helpers/testClient';
import { joinAs } from '../../server/workshop/workshopFixture';
import { startSimulatedCluster, type SimulatedCluster } from '../simulatedApi/apiServer';
import { providerOn } from './providerFixture';

export interface KubeWorkshop {
  base: string;
  cluster: SimulatedCluster;
  provider: KubernetesProvider;
  context: WorkshopContext;
  server: WorkshopServer;
  join(name: string): Promise<string>;
  connect(cookie: string): Promise<TestClient>;
  cleanup(): Promise<void>;
}

export async function kubeWorkshop(seats: number): Promise<KubeWorkshop> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'rw-kube-workshop-'));
  const siteDir = path.join(dataDir, 'site');
  mkdirSync(path.join(siteDir, 'docs', 'intro'), { recursive: true });
  writeFileSync(path.join(siteDir, 'index.html'), '<h1>home</h1>');
  writeFileSync(path.join(siteDir, 'docs', 'intro', 'index.html'), '<h1>Intro</h1>');
  const manifest = {
    version: 1,
    pages: [
      {
        pageId: 'intro',
        title: 'Intro',
        permalink: '/docs/intro',
        variables: {},
        steps: [{ id: 'intro/hello' }],
      },
    ],
  };
  writeFileSync(path.join(siteDir, 'steps.json'), JSON.stringify(manifest));
  const db = openDatabase(path.join(dataDir, 'state'));
  const store = new WorkshopStore(db);
  const identity = store.identity();
  const cluster = await startSimulatedCluster();
  const provider = await providerOn(cluster, { workshopId: identity.id });
  const context: WorkshopContext = {
    store,
    provider,
    identity,
    settings: { seats, expiresMs: 10 * 3_600_000, idleMs: 3_600_000, siteDir },
    policy: { hosts: new Set(), trustProxy: false },
    log: quietLogger,
    firstPage: '/docs/intro',
  };
  await provider.create({ workshopId: identity.id, attendeeId: PRESENTER_ID, displayName: 'Presenter' });
  const server = await startWorkshopServer(context, { host: '127.0.0.1', port: 0 }, (router) =>
    instructorRoutes(context, router),
  );
  const base = `http://127.0.0.1:${server.port}`;
  return {
    base,
    cluster,
    provider,
    context,
    server,
    join: (name) => joinAs(base, identity.joinCode, name),
    connect: (cookie) =>
      TestClient.connect(`ws://127.0.0.1:${server.port}/terminal`, {
        origin: base,
        headers: { Cookie: cookie },
      }),
    async cleanup() {
      await server.close();
      await provider.endWorkshop();
      await provider.dispose();
      await cluster.close();
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
