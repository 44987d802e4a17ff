/**
 * Waiting and reading helpers for the connection tests: a headless xterm screen to write into, and
 * promises for a server message, a connection state or a condition (each with a timeout that says
 * what never came).
 */
import { Terminal } from '@xterm/headless';
import type { ConnectionState, TerminalConnection } from '../../../src/client/connection';
import type { ServerMessage } from '../../../src/protocol/messages';

export function screenSink(cols = 80, rows = 24) {
  const terminal = new Terminal({ cols, rows, allowProposedApi: true });
  let resets = 0;
  return {
    sink: {
      write: (data: string, done: () => void) => terminal.write(data, done),
      reset: () => {
        resets += 1;
        terminal.reset();
      },
    },
    text: () => {
      const lines: string[] = [];
      const buffer = terminal.buffer.active;
      for (let i = 0; i < buffer.length; i += 1) lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
      return lines.join('\n');
    },
    resets: () => resets,
  };
}

export function until<T>(
  connection: TerminalConnection,
  pick: (m: ServerMessage) => T | undefined,
  ms = 20_000,
) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out waiting for a server message')), ms);
    const subscription = connection.onMessage((message) => {
      const value = pick(message);
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

export function stateReached(connection: TerminalConnection, wanted: ConnectionState, ms = 20_000) {
  if (connection.state === wanted) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`never became ${wanted} (is ${connection.state})`)), ms);
    const subscription = connection.onState((state) => {
      if (state !== wanted) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

export const stepEnd = (stepId: string) => (message: ServerMessage) =>
  message.type === 'step' && message.stepId === stepId && message.state !== 'running' ? message : undefined;

export async function eventually(check: () => boolean, what: string, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`never happened: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export { freePort } from '../../e2e/support/processes';
