import { describe, expect, it } from 'vitest';
import { MAX_FRAME_BYTES, MAX_INPUT_LENGTH, parseServerMessage } from '../../src/protocol/messages';
import { parseClientMessage, validateServerMessage } from '../../src/protocol/schemas';
import { seededRandom } from '../support/seededRandom';

const frame = (message: unknown): string => JSON.stringify(message);

describe('parseClientMessage', () => {
  it('accepts each message the page sends, and drops fields the protocol does not know', () => {
    expect(
      parseClientMessage(frame({ type: 'attach', terminal: 'main', cols: 80, rows: 24, since: 3 })),
    ).toEqual({ ok: true, message: { type: 'attach', terminal: 'main', cols: 80, rows: 24, since: 3 } });
    expect(
      parseClientMessage(frame({ type: 'run', terminal: 'north', stepId: 's1', command: 'ls', x: 1 })),
    ).toEqual({ ok: true, message: { type: 'run', terminal: 'north', stepId: 's1', command: 'ls' } });
    expect(parseClientMessage(frame({ type: 'ack', terminal: 'main.bg-1', units: 0 })).ok).toBe(true);
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

describe('validateServerMessage (the tests hold every server frame to it)', () => {
  it('accepts what the server sends, including a null exit code', () => {
    expect(validateServerMessage(frame({ type: 'exit', terminal: 'main', code: null }))).toEqual({
      ok: true,
      message: { type: 'exit', terminal: 'main', code: null },
    });
    expect(
      validateServerMessage(
        frame({
          type: 'hello',
          version: 1,
          readOnly: false,
          terminals: [{ name: 'main', cols: 80, rows: 24 }],
        }),
      ).ok,
    ).toBe(true);
  });

  it('refuses an unknown step state or error code, listing the known ones', () => {
    expect(
      validateServerMessage(frame({ type: 'step', terminal: 'main', stepId: 's', state: 'done' })),
    ).toEqual({
      ok: false,
      code: 'bad-message',
      message:
        'state: Invalid option: expected one of "running"|"waiting-input"|"passed"|"failed"|"interrupted"',
    });
    expect(validateServerMessage(frame({ type: 'error', code: 'nope', message: 'x' })).ok).toBe(false);
  });

  it("accepts the workshop router's word on a workspace that starts or failed, and nothing else", () => {
    const starting = { type: 'workspace', state: 'starting', elapsedMs: 3000, message: 'pulling the image' };
    expect(validateServerMessage(frame(starting))).toEqual({ ok: true, message: starting });
    expect(validateServerMessage(frame({ ...starting, state: 'ready' })).ok).toBe(false);
    expect(validateServerMessage(frame({ ...starting, elapsedMs: -1 })).ok).toBe(false);
  });
});

const SERVER_TYPES = [
  'hello',
  'attached',
  'output',
  'step',
  'exit',
  'error',
  'workspace',
  'attach',
  'nope',
] as const;
const FIELDS = [
  'version',
  'terminals',
  'readOnly',
  'terminal',
  'parent',
  'cols',
  'rows',
  'seq',
  'data',
  'reset',
  'stepId',
  'state',
  'exitCode',
  'durationMs',
  'line',
  'code',
  'message',
  'elapsedMs',
] as const;
const VALUES: readonly unknown[] = [
  undefined,
  null,
  0,
  1,
  7,
  -1,
  1.5,
  80,
  24,
  1e9,
  'main',
  'Main',
  '',
  'x',
  'passed',
  'busy',
  true,
  false,
  [],
  [{ name: 'main', cols: 80, rows: 24, parent: 'north' }],
  [{ name: 'main' }],
  {},
];

const GOOD: Record<(typeof FIELDS)[number], readonly unknown[]> = {
  version: [1],
  terminals: [[], [{ name: 'main', cols: 80, rows: 24, parent: 'north' }]],
  readOnly: [true, false],
  terminal: ['main', 'north'],
  parent: ['main'],
  cols: [80],
  rows: [24],
  seq: [0, 12],
  data: ['x', ''],
  reset: [true],
  stepId: ['s1'],
  state: ['passed', 'running', 'starting', 'failed'],
  exitCode: [0, 1],
  durationMs: [1.5],
  line: [1],
  code: [null, 0, 'busy'],
  message: ['why'],
  elapsedMs: [0, 1200],
};

describe("parseServerMessage (the page's light check of server frames)", () => {
  it('accepts every frame the schemas accept, and refuses only what the schemas refuse', () => {
    const { pick } = seededRandom(20_261_128);
    let accepted = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const message: Record<string, unknown> = { type: pick(SERVER_TYPES) };
      // Mostly values of the right kind, so that many frames pass and each failure is a near miss.
      for (const field of FIELDS) {
        const choice = pick(['good', 'good', 'good', 'good', 'absent', 'any'] as const);
        if (choice === 'good') message[field] = pick(GOOD[field]);
        else if (choice === 'any') message[field] = pick(VALUES);
      }
      const text = frame(message);
      const strict = validateServerMessage(text);
      const light = parseServerMessage(text);
      if (strict.ok) {
        accepted += 1;
        expect(light, text).toMatchObject({ ok: true });
      } else if (light.ok) {
        // What the light check leaves to the server: limits, names and the terminals of a hello.
        expect(strict.message, text).toMatch(/^terminals\.|Too small|Too big|a terminal name is/);
      }
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it('refuses frames that are not JSON objects, of no known type, or with a field of the wrong kind', () => {
    expect(parseServerMessage('{"type":')).toMatchObject({ ok: false, code: 'bad-message' });
    expect(parseServerMessage('[]')).toMatchObject({ ok: false, code: 'bad-message' });
    expect(parseServerMessage(frame({ type: 'attach', terminal: 'main', cols: 80, rows: 24 }))).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'type: not a server message type: attach',
    });
    expect(parseServerMessage(frame({ type: 'toString' })).ok).toBe(false);
    expect(parseServerMessage(frame({ type: 'output', terminal: 'main', seq: '3', data: 'x' }))).toEqual({
      ok: false,
      code: 'bad-message',
      message: 'seq: expected int, got "3"',
    });
    expect(parseServerMessage(frame({ type: 'exit', terminal: 'main' })).ok).toBe(false);
  });
});
