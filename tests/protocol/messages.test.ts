import { describe, expect, it } from 'vitest';
import {
  MAX_FRAME_BYTES,
  MAX_INPUT_LENGTH,
  parseClientMessage,
  parseServerMessage,
} from '../../src/protocol/messages';

const frame = (message: unknown): string => JSON.stringify(message);

describe('parseClientMessage', () => {
  it('accepts each message the page sends, and drops fields the protocol does not know', () => {
    expect(
      parseClientMessage(frame({ type: 'attach', terminal: 'main', cols: 80, rows: 24, since: 3 })),
    ).toEqual({ ok: true, message: { type: 'attach', terminal: 'main', cols: 80, rows: 24, since: 3 } });
    expect(
      parseClientMessage(frame({ type: 'run', terminal: 'north', stepId: 's1', command: 'ls', x: 1 })),
    ).toEqual({ ok: true, message: { type: 'run', terminal: 'north', stepId: 's1', command: 'ls' } });
    expect(parseClientMessage(frame({ type: 'ack', terminal: 'main.bg-1', bytes: 0 })).ok).toBe(true);
  });

  it('says which field is wrong and what was expected', () => {
    expect(parseClientMessage(frame({ type: 'attach', terminal: 'main', cols: '80', rows: 24 }))).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'cols: Invalid input: expected number, received string',
    });
    expect(parseClientMessage(frame({ type: 'resize', terminal: 'main', cols: 80.5, rows: 24 }))).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'cols: Invalid input: expected int, received number',
    });
    expect(parseClientMessage(frame({ type: 'attach', terminal: 'main', cols: 1, rows: 24 }))).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'cols: Too small: expected number to be >=2',
    });
    expect(parseClientMessage(frame({ type: 'close', terminal: 'Main' }))).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'terminal: a terminal name is 1-48 of a-z, 0-9, ".", "_", "-"',
    });
  });

  it('names the message types it knows when the type is unknown', () => {
    const parsed = parseClientMessage(frame({ type: 'hello' }));
    expect(parsed).toMatchObject({ ok: false, code: 'bad-message' });
    expect(parsed.ok ? '' : parsed.message).toMatch(
      /^type: Invalid discriminator value\. Expected 'attach' \| 'input'/,
    );
  });

  it('refuses frames that are not JSON or not an object as bad messages', () => {
    expect(parseClientMessage('{"type":"attach"')).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'frame is not JSON',
    });
    expect(parseClientMessage('[]')).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'Invalid input: expected object, received array',
    });
  });

  it('answers a field or a frame over its limit with too-large', () => {
    expect(
      parseClientMessage(frame({ type: 'input', terminal: 'main', data: 'y'.repeat(MAX_INPUT_LENGTH + 1) })),
    ).toEqual({
      ok: false,
      code: 'too-large',
      message: `data: Too big: expected string to have <=${MAX_INPUT_LENGTH} characters`,
    });
    expect(parseClientMessage(' '.repeat(MAX_FRAME_BYTES + 1))).toEqual({
      ok: false,
      code: 'too-large',
      message: `frame over ${MAX_FRAME_BYTES} bytes`,
    });
  });
});

describe('parseServerMessage', () => {
  it('accepts what the server sends, including a null exit code', () => {
    expect(parseServerMessage(frame({ type: 'exit', terminal: 'main', code: null }))).toEqual({
      ok: true,
      message: { type: 'exit', terminal: 'main', code: null },
    });
    expect(
      parseServerMessage(
        frame({
          type: 'hello',
          version: 1,
          readOnly: false,
          terminals: [{ name: 'main', pid: 7, cols: 80, rows: 24 }],
        }),
      ).ok,
    ).toBe(true);
  });

  it('refuses an unknown step state or error code, listing the known ones', () => {
    expect(parseServerMessage(frame({ type: 'step', terminal: 'main', stepId: 's', state: 'done' }))).toEqual(
      {
        ok: false,
        code: 'bad-message',
        message:
          'state: Invalid option: expected one of "running"|"waiting-input"|"passed"|"failed"|"interrupted"',
      },
    );
    expect(parseServerMessage(frame({ type: 'error', code: 'nope', message: 'x' })).ok).toBe(false);
  });
});
