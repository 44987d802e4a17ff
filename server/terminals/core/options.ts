/** The terminal core's settings (whatever runs the shells), with the defaults a reader's laptop wants. */
import type { Logger } from '../../log';

export interface CoreOptions {
  /** Terminals at once, background ones included; default 16. */
  maxTerminals?: number;
  /** How long a terminal with no client attached lives on; default 10 minutes. */
  graceMs?: number;
  /** A terminal with no input or output (and no step) for this long is closed; default 2 hours. */
  idleMs?: number;
  /** UTF-16 units of recent output each terminal keeps for re-attaching clients; default 512 Ki. */
  scrollbackUnits?: number;
  /** Rows of scrollback in a screen snapshot; default 1000. */
  snapshotRows?: number;
  log?: Logger;
}

export type ResolvedCoreOptions = Required<CoreOptions>;

export function resolveCoreOptions(options: CoreOptions, log: Logger): ResolvedCoreOptions {
  return {
    maxTerminals: options.maxTerminals ?? 16,
    graceMs: options.graceMs ?? 10 * 60_000,
    idleMs: options.idleMs ?? 2 * 60 * 60_000,
    scrollbackUnits: options.scrollbackUnits ?? 512 * 1024,
    snapshotRows: options.snapshotRows ?? 1000,
    log: options.log ?? log,
  };
}
