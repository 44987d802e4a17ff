import { describe, expect, it } from 'vitest';
import { AckBatcher } from '../../src/client/flowControl';
import { PendingSink, TerminalChannel, type TerminalSink } from '../../src/client/terminalChannel';
import { backoffDelay } from '../../src/client/backoff';

function recordingSink() {
  const screen: string[] = [];
  const pending: Array<() => void> = [];
  let resets = 0;
  const sink: TerminalSink = {
    write: (data, done) => {
      screen.push(data);
      pending.push(done);
    },
    reset: () => {
      resets += 1;
      screen.length = 0;
    },
  };
  return { sink, screen, pending, resets: () => resets };
}

const output = (seq: number, data: string, reset?: boolean) => ({
  type: 'output' as const,
  terminal: 'main',
  seq,
  data,
  ...(reset ? { reset } : {}),
});

describe('TerminalChannel', () => {
  it('holds output that comes before its screen, and hands it over in order, acknowledged only once written', () => {
    const acks: number[] = [];
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', new PendingSink(), (units) =>
      acks.push(units),
    );
    expect(channel.pending).toBe(true);
    channel.output(output(0, 'old'));
    channel.output(output(3000, 'snap', true));
    channel.output(output(3004, 'shot'));
    expect(acks).toEqual([]);
    const { sink, screen, pending, resets } = recordingSink();
    channel.adopt(sink);
    expect(channel.pending).toBe(false);
    expect(resets()).toBe(1);
    expect(screen).toEqual(['snap', 'shot']);
    for (const done of pending.splice(0)) done();
    expect(acks.reduce((sum, units) => sum + units, 0)).toBe(11);
    channel.output(output(3008, '!'));
    expect(screen).toEqual(['snap', 'shot', '!']);
  });

  it('acknowledges every unit the server sent, the ones of a frame it already had included, and shows them once', () => {
    const acks: number[] = [];
    const { sink, screen, pending } = recordingSink();
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', sink, (units) =>
      acks.push(units),
    );
    channel.output(output(0, 'hello '));
    channel.output(output(0, 'hello '));
    channel.output(output(3, 'lo world'));
    expect(screen).toEqual(['hello ', 'world']);
    for (const done of pending.splice(0)) done();
    expect(acks.reduce((sum, units) => sum + units, 0)).toBe(6 + 6 + 8);
    expect(channel.attachMessage()).toMatchObject({ since: 11 });
  });

  it('first attaches without an offset, then re-attaches from the last unit it holds', () => {
    const { sink } = recordingSink();
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', sink, () => {});
    expect(channel.attachMessage()).toEqual({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    channel.output(output(0, 'hello '));
    channel.output(output(6, 'world'));
    expect(channel.attachMessage()).toMatchObject({ since: 11 });
  });

  it('writes nothing twice when a replay overlaps what the screen holds', () => {
    const { sink, screen } = recordingSink();
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', sink, () => {});
    channel.output(output(0, 'abc'));
    channel.output(output(0, 'abc'));
    channel.output(output(1, 'bcdef'));
    expect(screen.join('')).toBe('abcdef');
  });

  it('clears the screen when the server sends a snapshot instead of the missed output', () => {
    const { sink, screen, resets } = recordingSink();
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', sink, () => {});
    channel.output(output(0, 'old'));
    channel.output(output(5000, 'snapshot', true));
    expect(resets()).toBe(1);
    expect(screen).toEqual(['snapshot']);
    expect(channel.attachMessage()).toMatchObject({ since: 5008 });
  });

  it('starts over when the server knows less than the screen holds (a new terminal by that name)', () => {
    const { sink, screen, resets } = recordingSink();
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', sink, () => {});
    channel.output(output(0, 'from the old shell'));
    channel.attached({
      type: 'attached',
      terminal: 'main',
      cols: 80,
      rows: 24,
      readOnly: false,
      seq: 0,
    });
    channel.output(output(0, 'new'));
    expect(resets()).toBe(1);
    expect(screen).toEqual(['new']);
  });

  it('acknowledges units only after the screen has written them', () => {
    const { sink, pending } = recordingSink();
    const acks: number[] = [];
    const channel = new TerminalChannel('main', { cols: 80, rows: 24 }, 'write', sink, (units) =>
      acks.push(units),
    );
    channel.output(output(0, 'abc'));
    channel.output(output(3, 'defg'));
    expect(acks).toEqual([]);
    pending[0]!();
    expect(acks).toEqual([]);
    pending[1]!();
    expect(acks).toEqual([7]);
  });
});

describe('AckBatcher', () => {
  it('acks in batches while the screen is busy, and the remainder once it drains', () => {
    const acks: number[] = [];
    const batcher = new AckBatcher((units) => acks.push(units), 10);
    const done = [6, 6, 6, 1].map((units) => batcher.track(units));
    done[0]!();
    done[1]!();
    expect(acks).toEqual([12]);
    done[2]!();
    done[3]!();
    expect(acks).toEqual([12, 7]);
  });

  it('forgets what a closed socket was owed', () => {
    const acks: number[] = [];
    const batcher = new AckBatcher((units) => acks.push(units), 10);
    const before = batcher.track(5);
    batcher.reset();
    before();
    batcher.track(3)();
    expect(acks).toEqual([3]);
  });
});

describe('backoffDelay', () => {
  it('doubles from 0.5 s to a ceiling of 8 s, jittered within the upper half', () => {
    const backoff = { initialMs: 500, maxMs: 8000 };
    expect([0, 1, 2, 3, 4, 9].map((attempt) => backoffDelay(attempt, backoff, () => 1))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelay(4, backoff, () => 0)).toBe(4000);
  });
});
