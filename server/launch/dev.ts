/**
 * `npm start`: the Docusaurus dev server and the terminal server together, one URL printed, and
 * on Ctrl-C both stopped with nothing left behind.
 */
import type { Logger } from '../log';
import { startTerminalServer, TerminalServerError, type TerminalServer } from '../terminalServer';
import { acceptedHostNames, asHostHeaderName, isLoopbackHost } from '../transport/hostNames';
import { resolveCommon, type CommonOptions } from './common';
import { launchDevSite, type DevSite } from './devSite';
import { isPortFree } from './portCheck';
import { printLaunch } from './printLaunch';
import { portFromEnvironment } from './optionParsers';
import { createHub } from './createHub';
import { stopOnSignals } from './shutdown';

export interface DevOptions extends CommonOptions {
  terminalPort?: number;
}

export async function runDev(options: DevOptions, log: Logger): Promise<void> {
  const settings = resolveCommon(options, log);
  const sitePort = options.port ?? portFromEnvironment() ?? 3000;
  // The site's own origins: every name the reader may type for it, at the site's port.
  const siteOrigins = [...acceptedHostNames(options.host)].map((name) => `http://${name}:${sitePort}`);
  const siteHost = isLoopbackHost(options.host) ? 'localhost' : options.host;
  if (sitePort !== 0 && !(await isPortFree(sitePort, siteHost))) {
    throw new TerminalServerError(
      'port-in-use',
      `port ${sitePort} is in use (another npm start?); stop it, or set PORT or --port.`,
    );
  }
  const hub = await createHub(settings, log);
  let server: TerminalServer | undefined;
  let site: DevSite | undefined;
  let stopping = false;
  const stop = async () => {
    stopping = true;
    await site?.stop();
    await server?.close();
    await hub.dispose();
  };
  stopOnSignals(stop, log);

  try {
    server = await startTerminalServer({
      hub,
      host: options.host,
      port: options.terminalPort ?? 0,
      allowedOrigins: [...siteOrigins, ...options.allowOrigin],
      audience: options.audience,
      log,
    });
    log.info('Starting the site; the first compile takes a while...');
    site = launchDevSite({ siteDir: process.cwd(), port: sitePort, host: siteHost, log });
    await site.ready;
  } catch (error) {
    await stop();
    throw error;
  }

  void site.exited.then(async (how) => {
    if (stopping) return;
    log.error(`the site stopped (${how}); stopping the terminals too`);
    await stop();
    process.exit(1);
  });
  printLaunch(server, `http://${asHostHeaderName(siteHost)}:${sitePort}`, options.audience, log);
}
