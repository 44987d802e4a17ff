import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES } from '../../../src/protocol/messages';
import { outputFrames } from '../../../server/terminals/core/outputFrames';

const messages = (frames: ReturnType<typeof outputFrames>) => frames.map((f) => f.message);
const joined = (frames: ReturnType<typeof outputFrames>) =>
  messages(frames)
    .map((m) => m.data)
    .join('');

describe('output frames', () => {
  it('sends small output as one frame', () => {
    expect(messages(outputFrames('main', 7, 'hello\r\n'))).toEqual([
      { type: 'output', terminal: 'main', seq: 7, data: 'hello\r\n' },
    ]);
  });

  it.each([
    ['yes', 'y\r\n'.repeat(40_000)],
    ['colour escapes (ESC is six characters in JSON)', '\x1b[31mx'.repeat(30_000)],
    ['emoji (surrogate pairs)', '😀'.repeat(50_000)],
  ])('cuts %s into frames that fit, contiguous and whole', (_what, data) => {
    const encoded = outputFrames('main', 1000, data, true);
    expect(encoded.length).toBeGreaterThan(1);
    for (const frame of encoded) {
      expect(frame.json.length).toBeLessThanOrEqual(MAX_FRAME_BYTES);
      expect(JSON.parse(frame.json)).toEqual(frame.message);
    }
    const frames = messages(encoded);
    expect(joined(encoded)).toBe(data);
    let seq = 1000;
    for (const frame of frames) {
      expect(frame.seq).toBe(seq);
      seq += frame.data.length;
      expect(frame.data).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
    expect(frames.map((f) => f.reset ?? false)).toEqual([true, ...frames.slice(1).map(() => false)]);
  });
});
