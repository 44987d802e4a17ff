/**
 * When the output of a terminal leaves for its clients: at once after a quiet moment and for the
 * first few small frames after it (a step's first lines), coalesced once output keeps coming.
 * Time is vitest's fake clock, so "within a batch" holds however busy the machine is.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLOW } from '../../../server/terminals/core/flowControl';
import { OutputStream } from '../../../server/terminals/core/outputStream';
import { RecordingClient } from './recordingClient';

let stream: OutputStream;
let client: RecordingClient;

beforeEach(() => {
  vi.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'],
  });
  stream = new OutputStream({
    name: 'main',
    cols: 80,
    rows: 24,
    scrollbackUnits: 64 * 1024,
    snapshotRows: 100,
    source: { pause: () => undefined, resume: () => undefined },
  });
  client = new RecordingClient();
  stream.attach(client, 'write', 0, { cols: 80, rows: 24 });
});

afterEach(() => {
  stream.dispose();
  vi.useRealTimers();
});

/** What reached the client since the attach, one string per frame. */
const frames = () => client.outputs().map((frame) => frame.data);

/** Runs what is due now (a setImmediate), the clock still. */
const turn = () => vi.advanceTimersByTimeAsync(0);

describe('coalescing output into frames', () => {
  it('sends a step’s first small lines each at once, not a batch later', async () => {
    const lines = ['\x1b[?2004l', 'oc get pod -n hello-world\r\n', 'bash: oc: command not found\r\n'];
    for (const line of lines) {
      stream.push(line);
      // One turn of the event loop later, and no time passed: the line is out on its own.
      await turn();
      expect(frames().at(-1)).toBe(line);
      vi.advanceTimersByTime(1);
    }
    expect(frames()).toEqual(lines);
  });

  it('coalesces output that keeps coming into frames of a batch each', async () => {
    const chunk = 'y\r\n'.repeat(1400); // ~4 KiB, a pty read under `yes`
    stream.push(chunk);
    await turn();
    expect(frames()).toHaveLength(1);
    // More within the batch window: held back, then sent as one frame.
    for (let read = 0; read < 5; read += 1) {
      vi.advanceTimersByTime(0.5);
      stream.push(chunk);
    }
    await vi.advanceTimersByTimeAsync(FLOW.batchMs);
    expect(frames()).toHaveLength(2);
    expect(frames()[1]).toBe(chunk.repeat(5));
  });

  it('coalesces many small frames once they are more than a few in a row', async () => {
    for (let line = 0; line < FLOW.burstFrames; line += 1) {
      stream.push(`${line}\r\n`);
      await turn();
      vi.advanceTimersByTime(0.5);
    }
    expect(frames()).toHaveLength(FLOW.burstFrames);
    stream.push('next\r\n');
    await turn();
    stream.push('and more\r\n');
    expect(frames()).toHaveLength(FLOW.burstFrames);
    await vi.advanceTimersByTimeAsync(FLOW.batchMs);
    expect(frames().slice(FLOW.burstFrames)).toEqual(['next\r\nand more\r\n']);
  });
});
