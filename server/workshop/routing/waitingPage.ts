/**
 * The page's side of a connection whose workspace is not ready yet: upgraded on the first report of
 * a wait, then told how long it has waited (`workspace` messages, "Starting your workspace… 12 s"),
 * and told why if the workspace cannot start, before the router closes it. A page is never left
 * waiting in silence on an upgrade that has not answered.
 */
import WebSocket from 'ws';
import { CloseCode, type WorkspaceMessage } from '../../../src/protocol/messages';
import type { Side } from './proxy';

export class WaitingPage {
  /** The upgraded page, once a wait was reported (undefined inside: the page went away). */
  page: Promise<Side | undefined> | undefined;
  private readonly started = Date.now();

  constructor(private readonly upgrade: () => Promise<Side | undefined>) {}

  get upgraded(): boolean {
    return this.page !== undefined;
  }

  starting(elapsedMs: number, detail: string): void {
    this.tell({ type: 'workspace', state: 'starting', elapsedMs: wholeMs(elapsedMs), message: detail });
  }

  async failed(why: string): Promise<void> {
    this.tell({
      type: 'workspace',
      state: 'failed',
      elapsedMs: wholeMs(Date.now() - this.started),
      message: why,
    });
    const page = await this.page;
    // The page does not retry on this code: the same request would fail the same way.
    page?.socket.close(CloseCode.workspaceUnavailable, 'the workspace could not start');
  }

  private tell(message: WorkspaceMessage): void {
    this.page ??= this.upgrade();
    // Sends in the order told: every send waits on the same upgrade.
    void this.page.then((page) => {
      if (page?.socket.readyState === WebSocket.OPEN) page.socket.send(JSON.stringify(message));
    });
  }
}

function wholeMs(ms: number): number {
  return Math.max(0, Math.round(ms));
}
