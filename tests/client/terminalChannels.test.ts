/** A watcher that asks for a terminal before its presenter's shell exists asks again, until disposed. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TerminalChannels, WATCH_RETRY_MS } from '../../src/client/terminalChannels';
import type { ClientMessage } from '../../src/protocol/messages';

afterEach(() => vi.useRealTimers());

function watcher() {
  const sent: ClientMessage[] = [];
  const channels = new TerminalChannels(
    (message) => (sent.push(message), true),
    'watch',
    () => 'watch',
  );
  const sink = { write: (_data: string, done: () => void) => done(), reset: () => undefined };
  channels.attach('main', { cols: 80, rows: 24 }, sink, 'watch');
  const unknown = {
    type: 'error',
    code: 'unknown-terminal',
    message: 'no such terminal',
    terminal: 'main',
  } as const;
  return { sent, channels, unknown, attaches: () => sent.filter((m) => m.type === 'attach').length };
}

describe('a watcher asking for a terminal that does not exist yet', () => {
  it('asks again a moment later, and keeps the refusal to itself', () => {
    vi.useFakeTimers();
    const { channels, unknown, attaches } = watcher();
    expect(channels.route(unknown)).toBe(false);
    expect(attaches()).toBe(1);
    vi.advanceTimersByTime(WATCH_RETRY_MS);
    expect(attaches()).toBe(2);
  });

  it('stops asking once its connection is disposed', () => {
    vi.useFakeTimers();
    const { channels, unknown, attaches } = watcher();
    channels.route(unknown);
    channels.clear();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(WATCH_RETRY_MS * 3);
    expect(attaches()).toBe(1);
  });
});
