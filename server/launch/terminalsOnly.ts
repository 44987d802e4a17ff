/**
 * `terminals`: only the terminal server, for tools (rehearsal runners, tests, a site served
 * elsewhere). Prints one JSON line a tool can parse: where to connect and with which token.
 */
import type { Logger } from '../log';
import { resolveCommon, type CommonOptions } from './common';
import { serveTerminals } from './serveTerminals';
import { readTokenFile } from './tokenFile';

export interface TerminalsOnlyOptions extends CommonOptions {
  tokenFile?: string;
  audienceTokenFile?: string;
}

export async function runTerminalsOnly(options: TerminalsOnlyOptions, log: Logger): Promise<void> {
  const settings = resolveCommon(options, log);
  const given =
    options.tokenFile === undefined ? undefined : readTokenFile(options.tokenFile, '--token-file');
  const watchOnly =
    options.audienceTokenFile === undefined
      ? undefined
      : readTokenFile(options.audienceTokenFile, '--audience-token-file');
  const place = { port: options.port ?? 0, token: given, audienceToken: watchOnly };
  const server = await serveTerminals(options, settings, place, log);
  const { wsUrl, token, audienceToken, port } = server;
  process.stdout.write(`${JSON.stringify({ wsUrl, port, token, audienceToken, pid: process.pid })}\n`);
}
