import { describe, expect, it } from 'vitest';
import { plainOutput } from '../../src/client/plainOutput';

describe('plainOutput: a step output as plain text, for Copy output', () => {
  it('drops colours and cursor moves', () => {
    expect(plainOutput('\x1b[1;32mpassed\x1b[0m\r\n\x1b[2Kdone\r\n')).toBe('passed\ndone');
  });

  it('drops OSC sequences: titles and the shell integration marks', () => {
    expect(plainOutput('\x1b]0;title\x07hello\x1b]133;D;0\x1b\\\r\n')).toBe('hello');
  });

  it('keeps a line as last written after carriage returns (a progress counter)', () => {
    expect(plainOutput('10%\r50%\r100%\r\nok')).toBe('100%\nok');
    expect(plainOutput('downloading\rdone')).toBe('doneloading');
  });

  it('applies backspaces and drops other control characters', () => {
    expect(plainOutput('abc\b\bX\x07\r\n')).toBe('aX');
  });

  it('keeps blank lines inside the output, not at its end', () => {
    expect(plainOutput('a\r\n\r\nb\r\n\r\n')).toBe('a\n\nb');
  });
});
