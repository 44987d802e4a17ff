/**
 * The terminals of the terminal server: `createTerminalHub` gives the transport a TerminalHub
 * (see ../hub.ts): the terminal core (./core: sessions, steps, replay, flow) over the shells of
 * this machine (./local: node-pty, our rc file, staged steps, orphans, the process tree).
 *
 * Replay contract, as the client (src/client/terminalChannel.ts) reads it: a client holds
 * `seq + data.length` after each output frame. A screen snapshot (`reset: true`) stands in for
 * the stream up to the offset M it reflects and is sent with `seq = M - data.length`, so the
 * same sum holds for it and the next frame starts at M.
 */
import { consoleLogger } from '../log';
import type { TerminalHub } from '../hub';
import { type CoreOptions, resolveCoreOptions } from './core/options';
import { TerminalCore } from './core/terminalCore';
import { LocalShellHost } from './local/localShellHost';
import { ensurePrivateDir, type LocalShellOptions, resolveLocalOptions } from './local/options';
import { endOrphans, type OrphanReport } from './local/orphans';
import { installShellIntegration } from './local/shellIntegration';

export type { OrphanReport } from './local/orphans';
export type TerminalHubOptions = CoreOptions & LocalShellOptions;

export interface LocalTerminals extends TerminalHub {
  /** Settles once what a previous, killed server left running has been ended. */
  readonly ready: Promise<OrphanReport>;
  /** The process id of a terminal's shell on this machine (tests, logs); never sent to a page. */
  shellPid(name: string): number | undefined;
}

export function createTerminalHub(options: TerminalHubOptions = {}): LocalTerminals {
  const core = resolveCoreOptions(options, consoleLogger);
  const local = resolveLocalOptions(options);
  ensurePrivateDir(local.stateDir);
  const host = new LocalShellHost(local, installShellIntegration(local.stateDir), core.log);
  const hub = new TerminalCore(core, host);
  const ready = endOrphans(local.stateDir).then((report) => {
    if (report.sessionsEnded > 0) {
      core.log.info(`ended ${report.sessionsEnded} shell session(s) left by a server that was killed`);
    }
    if (report.survivors.length > 0) {
      core.log.warn(`processes left by a killed server would not end: ${report.survivors.join(', ')}`);
    }
    return report;
  });
  return Object.assign(hub, { ready, shellPid: (name: string) => host.shellPid(name) });
}
