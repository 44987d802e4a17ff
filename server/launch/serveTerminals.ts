/**
 * The start-up `live` and `terminals` share: the hub, a terminal server on it, and both stopped
 * on Ctrl-C. A server that fails to start takes the hub's shells down with it.
 */
import type { Logger } from '../log';
import { startTerminalServer, type TerminalServer } from '../terminalServer';
import type { CommonOptions, TerminalSettings } from './common';
import { stopOnSignals } from './shutdown';
import { createHub } from './createHub';

/** Where the commands differ: their default port, and whether a built site shares it. */
export interface ServePlace {
  port: number;
  siteDir?: string;
  /** The full-access token to accept (`terminals --token-file`); default: a fresh one. */
  token?: string;
  /** The watch-only token to accept (`terminals --audience-token-file`). */
  audienceToken?: string;
}

export async function serveTerminals(
  options: CommonOptions,
  settings: TerminalSettings,
  place: ServePlace,
  log: Logger,
): Promise<TerminalServer> {
  const hub = await createHub(settings, log);
  const server = await startTerminalServer({
    hub,
    host: options.host,
    port: place.port,
    siteDir: place.siteDir,
    allowedOrigins: options.allowOrigin,
    audience: options.audience,
    token: place.token,
    audienceToken: place.audienceToken,
    log,
  }).catch(async (error: unknown) => {
    await hub.dispose();
    throw error;
  });
  stopOnSignals(async () => {
    await server.close();
    await hub.dispose();
  }, log);
  return server;
}
