/**
 * A real terminal server over a real hub (node-pty shells) on a free loopback port, for
 * integration tests. `stop` closes connections, kills every shell and stops listening.
 */
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
  const hub = createTerminalHub({ log });
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
    },
  };
}
