/**
 * The terminals of the terminal server: `createTerminalHub` gives the transport a TerminalHub
 * (see ../hub.ts) over real bash shells on this machine.
 *
 * Replay contract, as the client (src/client/terminalChannel.ts) reads it: a client holds
 * `seq + data.length` after each output frame. A screen snapshot (`reset: true`) stands in for
 * the stream up to the offset M it reflects and is sent with `seq = M - data.length`, so the
 * same sum holds for it and the next frame starts at M.
 */
import { consoleLogger } from '../log';
import type { TerminalHub } from '../hub';
import { ensurePrivateDir, resolveOptions, type TerminalHubOptions } from './options';
import { endOrphans, type OrphanReport } from './orphans';
import { spawnPty } from './ptyProcess';
import { installShellIntegration } from './shellIntegration';
import { LocalTerminalHub } from './terminalHub';

export type { TerminalHubOptions } from './options';
export type { OrphanReport } from './orphans';
export type { SpawnTerminalProcess, TerminalProcess } from './terminalProcess';

export interface LocalTerminals extends TerminalHub {
  /** Settles once what a previous, killed server left running has been ended. */
  readonly ready: Promise<OrphanReport>;
  /** The process id of a terminal's shell on this machine (tests, logs); never sent to a page. */
  shellPid(name: string): number | undefined;
}

export function createTerminalHub(options: TerminalHubOptions = {}): LocalTerminals {
  const resolved = resolveOptions(options, { log: consoleLogger, spawn: spawnPty });
  ensurePrivateDir(resolved.stateDir);
  const integration = installShellIntegration(resolved.stateDir);
  const hub = new LocalTerminalHub(resolved, integration);
  const ready = endOrphans(resolved.stateDir).then((report) => {
    if (report.sessionsEnded > 0) {
      resolved.log.info(`ended ${report.sessionsEnded} shell session(s) left by a server that was killed`);
    }
    if (report.survivors.length > 0) {
      resolved.log.warn(`processes left by a killed server would not end: ${report.survivors.join(', ')}`);
    }
    return report;
  });
  return Object.assign(hub, { ready });
}
