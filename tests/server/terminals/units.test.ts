import { describe, expect, it } from 'vitest';
import { FLOW, FlowGate, type FlowParticipant } from '../../../server/terminals/core/flowControl';
import { OutputRing } from '../../../server/terminals/core/outputRing';
import { ShellMarkParser, type MarkedPiece } from '../../../server/terminals/core/shellMarks';

const text = (pieces: MarkedPiece[]) => pieces.map((p) => ('text' in p ? p.text : '')).join('');
const marks = (pieces: MarkedPiece[]) => pieces.flatMap((p) => ('mark' in p ? [p.mark] : []));

describe('shell marks', () => {
  const stream = 'out\x1b]133;D;2;rw=n0nce;line=3\x07\x1b]133;A;rw=n0nce\x1b\\$ \x1b]133;B;rw=n0nce\x07';

  it('takes the marks out of the stream and reads exit code and line', () => {
    const pieces = new ShellMarkParser('n0nce').feed(stream);
    expect(text(pieces)).toBe('out$ ');
    expect(marks(pieces)).toEqual([{ kind: 'D', exitCode: 2, line: 3 }, { kind: 'A' }, { kind: 'B' }]);
  });

  it('finds marks split across chunks at every possible place', () => {
    for (let cut = 1; cut < stream.length; cut += 1) {
      const parser = new ShellMarkParser('n0nce');
      const pieces = [...parser.feed(stream.slice(0, cut)), ...parser.feed(stream.slice(cut))];
      expect(text(pieces)).toBe('out$ ');
      expect(marks(pieces).map((m) => m.kind)).toEqual(['D', 'A', 'B']);
    }
  });

  it('removes marks without our nonce but never acts on them', () => {
    const pieces = new ShellMarkParser('n0nce').feed('a\x1b]133;D;0;rw=forged\x07b\x1b]133;C\x07c');
    expect(text(pieces)).toBe('abc');
    expect(marks(pieces)).toEqual([]);
  });

  it('passes other escape sequences and unterminated junk through', () => {
    const parser = new ShellMarkParser('n');
    const junk = '\x1b]133;' + 'x'.repeat(300);
    expect(text(parser.feed('\x1b]0;title\x07\x1b[1mhi' + junk))).toBe('\x1b]0;title\x07\x1b[1mhi' + junk);
  });
});

describe('output ring', () => {
  it('replays from any offset it still holds and refuses older ones', () => {
    const ring = new OutputRing(10);
    for (const chunk of ['abcd', 'efgh', 'ijkl', 'mnop']) ring.append(chunk);
    expect(ring.end).toBe(16);
    expect(ring.start).toBe(8);
    expect(ring.since(9)).toBe('jklmnop');
    expect(ring.since(16)).toBe('');
    expect(ring.since(7)).toBeUndefined();
    expect(ring.since(17)).toBeUndefined();
  });
});

describe('flow gate', () => {
  const participant = (watchOnly: boolean, unacked = 0): FlowParticipant => ({
    access: watchOnly ? 'watch' : 'write',
    unacked,
    lagging: false,
  });

  it('pauses at the high watermark and resumes under the low one', () => {
    const calls: string[] = [];
    const gate = new FlowGate({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });
    const writer = participant(false, FLOW.highWatermark);
    gate.evaluate([writer], 0, 0);
    writer.unacked = FLOW.lowWatermark + 1;
    gate.evaluate([writer], 0, 1);
    writer.unacked = FLOW.lowWatermark;
    gate.evaluate([writer], 0, 2);
    expect(calls).toEqual(['pause', 'resume']);
  });

  it('drops a read-only watcher to lagging instead of pausing', () => {
    const gate = new FlowGate({ pause: () => {}, resume: () => {} });
    const watcher = participant(true, FLOW.highWatermark);
    expect(gate.evaluate([watcher], 0, 0)).toEqual([watcher]);
    expect(gate.isPaused).toBe(false);
    watcher.unacked = 0;
    expect(FlowGate.caughtUp(watcher)).toBe(true);
  });

  it('lets a writer that falls behind during a flood lag, as a watcher does, and resumes the shell', () => {
    const calls: string[] = [];
    const gate = new FlowGate({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });
    const writer = participant(false, FLOW.highWatermark);
    expect(gate.evaluate([writer], 0, 0)).toEqual([]);
    expect(gate.evaluate([writer], 0, 1, true)).toEqual([writer]);
    expect(calls).toEqual(['pause', 'resume']);
    // Under the high watermark it is not demoted, flood or not.
    const behind = participant(false, FLOW.highWatermark - 1);
    expect(gate.evaluate([behind], 0, 2, true)).toEqual([]);
  });

  it('demotes a stalled writer only when another client is waiting', () => {
    const gate = new FlowGate({ pause: () => {}, resume: () => {} });
    const stuck = participant(false, FLOW.highWatermark);
    gate.evaluate([stuck], 0, 0);
    expect(gate.evaluate([stuck], 0, FLOW.stallMs * 2)).toEqual([]);
    const keepingUp = participant(false, 0);
    expect(gate.evaluate([stuck, keepingUp], 0, FLOW.stallMs * 3)).toEqual([stuck]);
    expect(gate.isPaused).toBe(false);
  });

  it('reads past the watermark after Ctrl-C, up to an allowance, until the writers catch up', () => {
    const calls: string[] = [];
    const gate = new FlowGate({ pause: () => calls.push('pause'), resume: () => calls.push('resume') });
    const writer = participant(false, FLOW.highWatermark);
    gate.evaluate([writer], 0, 0);
    gate.interrupted([writer]);
    gate.evaluate([writer], 0, 1);
    expect(calls).toEqual(['pause', 'resume']);
    // The program's last words and the prompt come through; a program that goes on is held again.
    writer.unacked = FLOW.highWatermark + FLOW.interruptUnits + 1;
    gate.evaluate([writer], 0, 2);
    expect(calls).toEqual(['pause', 'resume', 'pause']);
    // The prompt drawn, the allowance is over: the usual marks hold.
    gate.interrupted([writer]);
    gate.evaluate([writer], 0, 2.5);
    gate.promptShown();
    gate.evaluate([writer], 0, 2.6);
    expect(calls).toEqual(['pause', 'resume', 'pause', 'resume', 'pause']);
    calls.splice(3);
    // Once the writer is back under the marks, the allowance is spent: the usual marks hold.
    writer.unacked = FLOW.lowWatermark;
    gate.evaluate([writer], 0, 3);
    writer.unacked = FLOW.highWatermark;
    gate.evaluate([writer], 0, 4);
    expect(calls).toEqual(['pause', 'resume', 'pause', 'resume', 'pause']);
  });

  it('pauses while the screen mirror has too much to parse', () => {
    const gate = new FlowGate({ pause: () => {}, resume: () => {} });
    gate.evaluate([], FLOW.mirrorHigh + 1, 0);
    expect(gate.isPaused).toBe(true);
    gate.evaluate([], FLOW.mirrorLow, 1);
    expect(gate.isPaused).toBe(false);
  });
});
