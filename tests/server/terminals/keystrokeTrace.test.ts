import { afterEach, describe, expect, it } from 'vitest';
import {
  installKeystrokeTrace,
  keystrokeHop,
  keystrokeParsed,
  traceClock,
  type KeystrokeHops,
} from '../../../server/terminals/core/keystrokeTrace';

function traced(): KeystrokeHops[] {
  const records: KeystrokeHops[] = [];
  installKeystrokeTrace((hops) => records.push(hops));
  return records;
}

function fullKeystroke(terminal: string): void {
  keystrokeParsed(terminal, traceClock());
  keystrokeHop(terminal, 'ptyWrite');
  keystrokeHop(terminal, 'ptyRead');
  keystrokeHop(terminal, 'flushed');
  keystrokeHop(terminal, 'sent');
}

describe('the keystroke trace', () => {
  afterEach(() => installKeystrokeTrace(undefined));

  it('records nothing and reads no clock while no sink is installed', () => {
    expect(traceClock()).toBeUndefined();
    fullKeystroke('main');
    const records = traced();
    keystrokeHop('main', 'sent');
    expect(records).toEqual([]);
  });

  it('reports one keystroke once its frame is sent, with hops in order since the frame arrived', () => {
    const records = traced();
    fullKeystroke('main');
    expect(records).toHaveLength(1);
    const [hops] = records;
    expect(hops?.terminal).toBe('main');
    const times = [hops?.parsed, hops?.ptyWrite, hops?.ptyRead, hops?.flushed, hops?.sent];
    expect(times.every((t) => typeof t === 'number' && t >= 0)).toBe(true);
    expect([...times].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(times);
  });

  it('does not take output that was coalescing before the shell read the key for its echo', () => {
    const records = traced();
    keystrokeParsed('main', traceClock());
    keystrokeHop('main', 'flushed'); // output from before the keystroke
    keystrokeHop('main', 'sent');
    expect(records).toEqual([]);
    keystrokeHop('main', 'ptyWrite');
    keystrokeHop('main', 'ptyRead');
    keystrokeHop('main', 'flushed');
    keystrokeHop('main', 'sent');
    expect(records).toHaveLength(1);
  });

  it('keeps each terminal apart', () => {
    const records = traced();
    keystrokeParsed('main', traceClock());
    fullKeystroke('north');
    expect(records.map((r) => r.terminal)).toEqual(['north']);
    keystrokeHop('main', 'ptyWrite');
    keystrokeHop('main', 'ptyRead');
    keystrokeHop('main', 'flushed');
    keystrokeHop('main', 'sent');
    expect(records.map((r) => r.terminal)).toEqual(['north', 'main']);
  });
});
