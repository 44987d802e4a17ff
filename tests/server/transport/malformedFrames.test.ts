import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, MAX_FRAME_BYTES } from '../../../src/protocol/messages';
import { parseClientMessage } from '../../../src/protocol/schemas';
import { ClosedError, is, shellPidOf, type TestClient } from '../helpers/testClient';
import { startTestServer, type TestServer } from '../helpers/testServer';
import { seededRandom } from '../../support/seededRandom';

const FRAMES = 10_000;
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_601);

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(() => t.stop());

type Frame = string | Buffer;
const TYPES = [
  'attach',
  'input',
  'run',
  'interrupt',
  'resize',
  'ack',
  'detach',
  'close',
  'hello',
  'nope',
  '',
];

function frames(seed: number): Frame[] {
  const g = seededRandom(seed);
  const randomValue = (depth: number): unknown => {
    switch (depth > 2 ? g.int(4) : g.int(7)) {
      case 0:
        return g.next() * 1e6 - 5e5;
      case 1:
        return String.fromCharCode(...Array.from({ length: g.int(20) }, () => g.int(0xd7ff)));
      case 2:
        return g.pick([null, true, false, -1, 0, 1.5, Number.MAX_SAFE_INTEGER]);
      case 3:
        return 'main';
      case 4:
        return Array.from({ length: g.int(4) }, () => randomValue(depth + 1));
      default:
        return Object.fromEntries(
          Array.from({ length: g.int(5) }, () => [
            g.pick(['type', 'terminal', 'cols', 'data', 'x']),
            randomValue(depth + 1),
          ]),
        );
    }
  };
  const makers: (() => Frame)[] = [
    () => Buffer.from(Array.from({ length: g.int(200) }, () => g.int(256))), // binary
    () => String.fromCharCode(...Array.from({ length: g.int(100) }, () => 32 + g.int(0x2000))), // text, not JSON
    () => JSON.stringify(randomValue(0)), // JSON of any shape
    () => JSON.stringify({ ...(randomValue(1) as object), type: g.pick(TYPES), terminal: randomValue(2) }), // wrong types
    () => JSON.stringify({ type: 'input', terminal: 'main', data: 'y'.repeat(16_385 + g.int(40_000)) }), // field over its limit
    () =>
      JSON.stringify({
        type: 'run',
        terminal: 'main',
        stepId: 's',
        command: 'x'.repeat(MAX_FRAME_BYTES + g.int(1000)),
      }), // frame over maxPayload
    () => '{"type":"attach","terminal":"main","cols":' + '9'.repeat(400), // truncated JSON
  ];
  const weights = [20, 20, 20, 30, 5, 1, 4];
  const table = weights.flatMap((w, i) => Array<number>(w).fill(i));
  const out: Frame[] = [];
  while (out.length < FRAMES) {
    const frame = (makers[g.pick(table)] as () => Frame)();
    // Only frames the protocol refuses: a valid message would be a request, not an attack.
    if (typeof frame === 'string' && frame.length <= MAX_FRAME_BYTES && parseClientMessage(frame).ok)
      continue;
    out.push(frame);
  }
  return out;
}

describe('a flood of malformed frames', () => {
  it(`answers each of ${FRAMES} random, mistyped and oversized frames with an error or a close code, and keeps serving`, async () => {
    const survivor = await t.connect();
    survivor.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await survivor.next(is.attached('main'));
    const shellBefore = await shellPidOf(survivor);

    const errors = new Map<string, number>();
    /** Frames whose only answer was the socket closing under them. */
    let closedUnder = 0;
    const connections: TestClient[] = [];
    let client: TestClient | undefined;
    for (const frame of frames(SEED)) {
      if (!client?.isOpen) {
        client = await t.connect();
        connections.push(client);
      }
      client.sendRaw(frame);
      try {
        const error = await client.next(is.error, 10_000, 'an error reply');
        errors.set(error.code, (errors.get(error.code) ?? 0) + 1);
      } catch (caught) {
        if (!(caught instanceof ClosedError)) throw caught;
        closedUnder += 1;
      }
    }
    await client?.close();
    const closeCodes = new Map<number, number>();
    for (const closed of await Promise.all(connections.map((c) => c.closed))) {
      closeCodes.set(closed.code, (closeCodes.get(closed.code) ?? 0) + 1);
    }
    const answered = [...errors.values()].reduce((a, b) => a + b, closedUnder);
    console.log(
      `fuzz seed ${SEED}: ${FRAMES} frames over ${connections.length} connections; ` +
        `errors ${JSON.stringify(Object.fromEntries(errors))}, ${closedUnder} answered by a close; ` +
        `close codes ${JSON.stringify(Object.fromEntries(closeCodes))}`,
    );

    expect(answered).toBe(FRAMES);
    expect([...errors.keys()].sort()).toEqual(['bad-message', 'too-large']);
    // Every connection but the last (closed by us, 1005/1000) ended with a protocol close code.
    const serverCloses = [...closeCodes.keys()].filter((code) => code !== 1000 && code !== 1005);
    expect(serverCloses.sort()).toEqual([CloseCode.tooLarge, CloseCode.protocolAbuse].sort());

    // The terminal attached before the flood is the same shell, and a new connection runs a step in it.
    const fresh = await t.connect();
    fresh.send({ type: 'attach', terminal: 'main', cols: 80, rows: 24 });
    await fresh.next(is.attached('main'));
    expect(await shellPidOf(fresh)).toBe(shellBefore);
    fresh.send({ type: 'run', terminal: 'main', stepId: 'after-flood', command: 'echo ok' });
    const ended = await fresh.next(is.stepEnded('after-flood'), 30_000);
    expect(ended).toMatchObject({ state: 'passed', exitCode: 0 });
    expect(fresh.output('main')).toContain('ok');
    expect(t.hub.list().map((terminal) => terminal.name)).toEqual(['main']);
  }, 240_000);
});
