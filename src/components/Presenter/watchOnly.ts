/**
 * The audience window may only watch. The server enforces it per attachment (`attach.readOnly`):
 * input, run, interrupt, resize and close on a read-only attachment get a `read-only` error. So in
 * an audience window every attachment this page's one connection makes (the dock's, the ones made
 * ahead of a screen, tabs reopened after a reload, the terminals it follows) is read-only.
 */
import type { TerminalConnection } from '../../client/connection';

export function makeWatchOnly(connection: TerminalConnection): void {
  connection.watchOnly = true;
}

export function isWatchOnly(connection: TerminalConnection): boolean {
  return connection.watchOnly;
}
