/**
 * An attendee's WebSocket through the workshop router to their pod on the simulated cluster (a test
 * double: simulatedApi/README.md) keeps the terminal protocol as a local terminal does: steps pass
 * and fail with their exit codes, an interrupt stops one, a reconnect loses and doubles nothing,
 * and `yes` is held back by flow control until the page acknowledges.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerMessage } from '../../src/protocol/messages';
import { FLOW } from '../../server/terminals/core/flowControl';
import { is, type TestClient } from '../server/helpers/testClient';
import { runStep } from '../server/workshop/fixture';
import { kubeWorkshop, type KubeWorkshop } from './support/kubeWorkshop';
import { waitUntil } from './support/pods';

type Output = Extract<ServerMessage, { type: 'output' }>;
const isOutput = (m: ServerMessage): m is Output => m.type === 'output' && m.terminal === 'main';
const units = (client: TestClient) => client.received.filter(isOutput).reduce((n, m) => n + m.data.length, 0);

let workshop: KubeWorkshop;
let cookie: string;
beforeAll(async () => {
  workshop = await kubeWorkshop(5);
  cookie = await workshop.join('Pat');
}, 120_000);
afterAll(() => workshop?.cleanup(), 120_000);

async function attached(): Promise<TestClient> {
  const client = await workshop.connect(cookie);
  await client.next(is.hello);
  return client;
}

describe('the terminal protocol, proxied to a pod', () => {
  it('runs steps: passed with exit code 0 and their output, failed with the exit code', async () => {
    const client = await attached();
    const ok = await runStep(client, 'echo "in the pod: $HOME"');
    expect(ok).toMatchObject({ state: 'passed', exitCode: 0 });
    expect(ok.output).toContain('in the pod: /');
    expect(await runStep(client, "sh -c 'exit 3'")).toMatchObject({
      state: 'failed',
      exitCode: 3,
    });
    await client.close();
  });

  it('stops a running step on interrupt, and the shell takes the next one', async () => {
    const client = await attached();
    client.send({ type: 'attach', terminal: 'intr', cols: 120, rows: 30 });
    await client.next(is.attached('intr'), 30_000);
    await waitUntil(() => /[$#] $/.test(client.output('intr')), 30_000, 'the prompt');
    client.send({ type: 'run', terminal: 'intr', stepId: 'sleepy', command: 'echo sleeping-now; sleep 100' });
    // Interrupt once the command runs (a Ctrl-C in the step's preamble is another story: see the report).
    await waitUntil(() => /^sleeping-now\r?$/m.test(client.output('intr')), 30_000, 'the command running');
    client.send({ type: 'interrupt', terminal: 'intr' });
    expect(await client.next(is.stepEnded('sleepy'), 30_000)).toMatchObject({ state: 'interrupted' });
    client.send({ type: 'run', terminal: 'intr', stepId: 'after', command: 'echo after' });
    expect(await client.next(is.stepEnded('after'), 30_000)).toMatchObject({ state: 'passed' });
    await client.close();
  });

  it('resumes after a reconnect with nothing lost and nothing twice', async () => {
    const first = await attached();
    await runStep(first, 'true');
    first.send({
      type: 'run',
      terminal: 'main',
      stepId: 'count',
      command: 'for i in $(seq 1 300); do echo "line-$i"; if (( i % 20 == 0 )); then sleep 0.05; fi; done',
    });
    await waitUntil(() => first.output('main').includes('line-40'), 30_000, 'some lines');
    await first.close();
    const held = first.received.filter(isOutput).reduce((end, m) => Math.max(end, m.seq + m.data.length), 0);

    const again = await attached();
    again.send({ type: 'attach', terminal: 'main', cols: 120, rows: 30, since: held });
    expect(await again.next(is.attached('main'))).toMatchObject({ seq: held });
    await waitUntil(() => again.output('main').includes('line-300'), 60_000, 'the last line');
    const outputs = again.received.filter(isOutput);
    expect(outputs[0]?.seq).toBe(held);
    for (let i = 1; i < outputs.length; i++)
      expect(outputs[i]!.seq).toBe(outputs[i - 1]!.seq + outputs[i - 1]!.data.length);
    const text = first.output('main') + again.output('main');
    for (let n = 1; n <= 300; n++)
      expect(text.match(new RegExp(`^line-${n}\\r?$`, 'gm')), `line-${n}`).toHaveLength(1);
    // The step ends a moment after its last line (its D mark, then the prompt): the next test's Run
    // must not find it still running.
    await waitUntil(
      () => /line-300\r?\n[\s\S]*[$#] $/.test(again.output('main')),
      30_000,
      'the prompt after the last line',
    );
    await again.close();
  });

  it('holds `yes` back for a page that does not acknowledge, and lets it flow once it does', async () => {
    const client = await attached();
    await runStep(client, 'true');
    client.send({ type: 'run', terminal: 'main', stepId: 'yes', command: 'yes' });
    await waitUntil(() => units(client) >= FLOW.highWatermark, 30_000, 'a high watermark of output');
    // Paused: nothing more arrives while nothing is acknowledged (what a slow screen sees).
    let last = units(client);
    await waitUntil(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const now = units(client);
        const settled = now === last;
        last = now;
        return settled;
      },
      30_000,
      'the output to stop',
    );
    expect(last).toBeLessThan(FLOW.highWatermark + 4 * FLOW.maxFrameUnits);

    client.send({ type: 'ack', terminal: 'main', units: last });
    await waitUntil(() => units(client) > last, 30_000, 'output after the ack');
    client.send({ type: 'interrupt', terminal: 'main' });
    const acking = setInterval(
      () => client.send({ type: 'ack', terminal: 'main', units: FLOW.highWatermark }),
      20,
    );
    try {
      expect(await client.next(is.stepEnded('yes'), 30_000)).toMatchObject({ state: 'interrupted' });
    } finally {
      clearInterval(acking);
    }
    await client.close();
  });
});
