import { describe, expect, it } from 'vitest';
import { OutputOffset } from '../../src/protocol/outputOffset';

describe('taking output frames by offset', () => {
  it('takes a first frame whole, wherever it starts', () => {
    const offset = new OutputOffset();
    expect(offset.take({ seq: 40, data: 'abc' })).toEqual({ fresh: 'abc', lost: 0 });
    expect(offset.position).toBe(43);
  });

  it('drops the part of a replayed frame that was held already', () => {
    const offset = new OutputOffset(0);
    offset.take({ seq: 0, data: 'hello ' });
    expect(offset.take({ seq: 3, data: 'lo world' })).toEqual({ fresh: 'world', lost: 0 });
    expect(offset.position).toBe(11);
  });

  it('leaves its offset where it is for a frame wholly behind it', () => {
    const offset = new OutputOffset(10);
    expect(offset.take({ seq: 2, data: 'abc' })).toEqual({ fresh: '', lost: 0 });
    expect(offset.position).toBe(10);
  });

  it('says how many units were lost before a frame that starts past it', () => {
    const offset = new OutputOffset(5);
    expect(offset.take({ seq: 9, data: 'xy' })).toEqual({ fresh: 'xy', lost: 4 });
    expect(offset.position).toBe(11);
  });

  it('takes a snapshot whole, even behind what it held, and holds its end', () => {
    const offset = new OutputOffset(100);
    expect(offset.take({ seq: 20, data: 'screen', reset: true })).toEqual({ fresh: 'screen', lost: 0 });
    expect(offset.position).toBe(26);
  });

  it('takes the next frame whole once told to forget', () => {
    const offset = new OutputOffset(50);
    offset.forget();
    expect(offset.take({ seq: 0, data: 'new shell' }).fresh).toBe('new shell');
  });
});
