/**
 * `npm run live`: the built site and the terminals from one port, one origin (a workshop laptop,
 * a presenter). Refuses to start without a build rather than serving a 404 to a waiting room.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from '../log';
import { asHostHeaderName, isLoopbackHost } from '../transport/hostNames';
import { resolveCommon, type CommonOptions } from './common';
import { portFromEnvironment } from './optionParsers';
import { printLaunch } from './printLaunch';
import { serveTerminals } from './serveTerminals';

export interface LiveOptions extends CommonOptions {
  dir: string;
}

export class MissingBuildError extends Error {
  readonly code = 'missing-build';
  constructor(dir: string) {
    super(`There is no built site in ${dir}: run npm run build first.`);
    this.name = 'MissingBuildError';
  }
}

export async function runLive(options: LiveOptions, log: Logger): Promise<void> {
  const settings = resolveCommon(options, log);
  const siteDir = resolve(options.dir);
  if (!existsSync(join(siteDir, 'index.html'))) throw new MissingBuildError(siteDir);
  const port = options.port ?? portFromEnvironment() ?? 3000;
  const server = await serveTerminals(options, settings, { port, siteDir }, log);
  const name =
    isLoopbackHost(options.host) || ['0.0.0.0', '::'].includes(options.host)
      ? 'localhost'
      : asHostHeaderName(options.host);
  printLaunch(server, `http://${name}:${server.port}`, options.audience, log);
}
