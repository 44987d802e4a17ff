// The command line's value parsers: what each accepts, and the sentence it refuses the rest with.
import { describe, expect, it } from 'vitest';
import { parseCpus, parseDuration, parseSize } from '../../../server/launch/optionParsers';

describe('option values', () => {
  it('reads a size in k, m or g (powers of 1024), with or without "iB"', () => {
    expect(parseSize('512m')).toBe(512 * 1024 ** 2);
    expect(parseSize('2g')).toBe(2 * 1024 ** 3);
    expect(parseSize('1.5GiB')).toBe(1.5 * 1024 ** 3);
    expect(parseSize('65536k')).toBe(64 * 1024 ** 2);
  });

  it('refuses a size without a unit, a word, or less than 64m, naming the form it takes', () => {
    for (const bad of ['2048', 'lots', '-1g', '63m', '']) {
      expect(() => parseSize(bad)).toThrow(/512m or 2g, and is at least 64m/);
    }
  });

  it('reads a duration, a bare number being seconds', () => {
    expect(parseDuration('90')).toBe(90_000);
    expect(parseDuration('30m')).toBe(1_800_000);
    expect(() => parseDuration('soon')).toThrow(/90s, 5m or 1h/);
  });

  it('reads CPUs as Kubernetes writes them: whole, decimal, or millicores', () => {
    expect(parseCpus('1')).toBe(1);
    expect(parseCpus('0.5')).toBe(0.5);
    expect(parseCpus('250m')).toBe(0.25);
    for (const bad of ['0', '5m', 'half', '-1', '2 cpus', '']) {
      expect(() => parseCpus(bad)).toThrow(/1, 0.5 or 500m, from 0.01 \(10m\) to 1024/);
    }
  });
});
