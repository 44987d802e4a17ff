/**
 * The audience window may only watch. The server enforces it per attachment (`attach.readOnly`):
 * input, run, interrupt, resize and close on a read-only attachment get a `read-only` error. So in
 * an audience window every attach this page's one connection makes (the dock's, tabs reopened after
 * a reload, the terminals it follows) asks for a read-only attachment, whatever view made it.
 *
 * TerminalConnection has no option for this yet (CLIENT's file, being changed as this was written):
 * we wrap the instance's `attach`. The proper home is a `watchOnly` flag on TerminalConnection.
 */
import type { TerminalConnection } from '../../client/connection';

const WATCH_ONLY = Symbol('rw-watch-only');

type Watched = TerminalConnection & { [WATCH_ONLY]?: true };

export function makeWatchOnly(connection: TerminalConnection): void {
  const watched = connection as Watched;
  if (watched[WATCH_ONLY]) return;
  watched[WATCH_ONLY] = true;
  const attach = connection.attach.bind(connection);
  connection.attach = (terminal, size, sink) => attach(terminal, size, sink, true);
}

export function isWatchOnly(connection: TerminalConnection): boolean {
  return (connection as Watched)[WATCH_ONLY] === true;
}
