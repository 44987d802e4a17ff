/** The page's xterm sessions by terminal name: they outlive tab switches and page navigation. */
import type { TerminalSession } from './terminalSession';

const sessions = new Map<string, TerminalSession>();

export function findSession(name: string): TerminalSession | undefined {
  return sessions.get(name);
}

export function keepSession(session: TerminalSession): void {
  sessions.get(session.options.name)?.dispose();
  sessions.set(session.options.name, session);
}

export function endSession(name: string): void {
  sessions.get(name)?.dispose();
  sessions.delete(name);
}

export function allSessions(): Iterable<TerminalSession> {
  return sessions.values();
}

/** Puts the keyboard in a terminal, e.g. when its step waits for input. */
export function focusTerminal(name: string): void {
  sessions.get(name)?.focus();
}
