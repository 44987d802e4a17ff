/**
 * `terminals`: only the terminal server, for tools (rehearsal runners, tests, a site served
 * elsewhere). Prints one JSON line a tool can parse: where to connect and with which token.
 */
import type { Logger } from '../log';
import { startTerminalServer } from '../terminalServer';
import { resolveCommon, type CommonOptions } from './common';
import { stopOnSignals } from './shutdown';
import { createHub } from './terminalHub';

export async function runTerminalsOnly(options: CommonOptions, log: Logger): Promise<void> {
  const settings = resolveCommon(options, log);
  const hub = await createHub(settings, log);
  const server = await startTerminalServer({
    hub,
    host: options.host,
    port: options.port ?? 0,
    allowedOrigins: options.allowOrigin,
    audience: options.audience,
    log,
  }).catch(async (error: unknown) => {
    await hub.dispose();
    throw error;
  });
  stopOnSignals(async () => {
    await server.close();
    await hub.dispose();
  }, log);
  const { wsUrl, token, audienceToken, port } = server;
  process.stdout.write(`${JSON.stringify({ wsUrl, port, token, audienceToken, pid: process.pid })}\n`);
}
