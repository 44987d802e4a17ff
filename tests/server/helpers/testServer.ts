/**
 * A real terminal server over a real hub (node-pty shells) on a free loopback port, for
 * integration tests. `stop` closes connections, kills every shell and stops listening.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTerminalHub } from '../../../server/terminals';
import type { TerminalHub } from '../../../server/hub';
import { quietLogger, type Logger } from '../../../server/log';
import {
  startTerminalServer,
  type TerminalServer,
  type TerminalServerOptions,
} from '../../../server/terminalServer';
import { TestClient, type ConnectOptions } from './testClient';

/** The origin tests present as "the site's page". */
export const SITE_ORIGIN = 'http://localhost:3999';

export interface TestServer {
  readonly server: TerminalServer;
  readonly hub: TerminalHub;
  /** Connects as the site's page (SITE_ORIGIN) with the full token unless told otherwise. */
  connect(options?: ConnectOptions): Promise<TestClient>;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: Partial<Omit<TerminalServerOptions, 'hub'>> & { log?: Logger } = {},
): Promise<TestServer> {
  const log = options.log ?? quietLogger;
  // A HOME of its own: the machine's ~/.bashrc (pyenv init, say) makes shells slow and tests flaky.
  const home = mkdtempSync(path.join(os.tmpdir(), 'rw-transport-home-'));
  writeFileSync(path.join(home, '.bashrc'), '');
  const hub = createTerminalHub({ log, cwd: home, env: { HOME: home } });
  await hub.ready;
  const server = await startTerminalServer({ allowedOrigins: [SITE_ORIGIN], ...options, hub, log });
  const clients: TestClient[] = [];
  return {
    server,
    hub,
    async connect(connectOptions = {}) {
      const client = await TestClient.connect(server.wsUrl, {
        token: server.token,
        origin: SITE_ORIGIN,
        ...connectOptions,
      });
      clients.push(client);
      return client;
    },
    async stop() {
      await Promise.all(clients.map((client) => client.close()));
      await server.close();
      await hub.dispose();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
