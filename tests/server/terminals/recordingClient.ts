/** A TerminalClient that keeps what the hub sends it, with waits for what a test expects next. */
import { readFileSync } from 'node:fs';
import type { Access, TerminalClient } from '../../../server/hub';
import type { ServerMessage, StepMessage } from '../../../src/protocol/messages';

let nextId = 0;

export class RecordingClient implements TerminalClient {
  readonly id = `test-${(nextId += 1)}`;
  readonly messages: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  constructor(readonly access: Access = 'write') {}

  send(message: ServerMessage): void {
    this.messages.push(message);
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The output of one terminal as a screen would hold it (a snapshot replaces what came before). */
  screen(terminal = 'main'): string {
    let text = '';
    for (const m of this.messages) {
      if (m.type !== 'output' || m.terminal !== terminal) continue;
      text = m.reset ? m.data : text + m.data;
    }
    return text;
  }

  outputs(terminal = 'main') {
    return this.messages.filter((m) => m.type === 'output' && m.terminal === terminal) as Extract<
      ServerMessage,
      { type: 'output' }
    >[];
  }

  steps(stepId: string): StepMessage[] {
    return this.messages.filter((m): m is StepMessage => m.type === 'step' && m.stepId === stepId);
  }

  /** Resolves with the first message (from `from` on) that matches, or fails after `timeoutMs`. */
  async waitFor<T extends ServerMessage>(
    match: (m: ServerMessage) => m is T,
    timeoutMs?: number,
    from?: number,
  ): Promise<T>;
  async waitFor(
    match: (m: ServerMessage) => boolean,
    timeoutMs?: number,
    from?: number,
  ): Promise<ServerMessage>;
  async waitFor(match: (m: ServerMessage) => boolean, timeoutMs = 15_000, from = 0): Promise<ServerMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.slice(from).find(match);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `no matching message in ${timeoutMs} ms; last: ${JSON.stringify(this.messages.slice(-5))}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits until the step reaches one of `states`. */
  stepEnd(
    stepId: string,
    states = ['passed', 'failed', 'interrupted'],
    timeoutMs?: number,
  ): Promise<StepMessage> {
    return this.waitFor(
      (m): m is StepMessage => m.type === 'step' && m.stepId === stepId && states.includes(m.state),
      timeoutMs,
    );
  }

  /** Waits until the screen text matches. */
  async waitForScreen(pattern: RegExp, terminal = 'main', timeoutMs = 15_000): Promise<string> {
    await this.waitFor(() => pattern.test(this.screen(terminal)), timeoutMs);
    return this.screen(terminal);
  }
}

/** The HubError code a call throws, or undefined if it does not throw. */
export function errorCode(call: () => void): string | undefined {
  try {
    call();
  } catch (error) {
    return (error as { code?: string }).code ?? 'not a HubError';
  }
  return undefined;
}

/** Alive and not a zombie (an orphan's zombie stays if this machine's init does not reap it). */
export function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
