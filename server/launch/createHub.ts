/** Builds the hub the commands serve, from the command-line settings. */
import type { Logger } from '../log';
import { createTerminalHub, type LocalTerminals } from '../terminals';
import type { TerminalSettings } from './common';
import { traceKeystrokesFromEnvironment } from './keystrokeTraceFile';

/** Resolves once what a killed predecessor left running has been ended, so none of it is mistaken for ours. */
export async function createHub(settings: TerminalSettings, log: Logger): Promise<LocalTerminals> {
  traceKeystrokesFromEnvironment(log);
  const hub = createTerminalHub({
    shell: settings.shell,
    cwd: settings.cwd,
    maxTerminals: settings.maxTerminals,
    graceMs: settings.graceMs,
    log,
  });
  await hub.ready;
  return hub;
}
