/**
 * While an attendee's pod is not Ready, the router answers the page's connection at once and tells
 * it how long it has waited, then joins it to the pod on the same connection; a pod that cannot
 * start ends the wait with why. Against the simulated cluster (a test double:
 * simulatedApi/README.md), whose "node" is told to pull the image slowly, or to fail the pull.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode, type WorkspaceMessage } from '../../src/protocol/messages';
import { is } from '../server/helpers/testClient';
import { runStep } from '../server/workshop/fixture';
import { kubeWorkshop, type KubeWorkshop } from './support/kubeWorkshop';
import { waitUntil } from './support/pods';

let workshop: KubeWorkshop;
beforeAll(async () => {
  workshop = await kubeWorkshop(5);
}, 120_000);
afterAll(() => workshop?.cleanup(), 120_000);

const isWorkspace = (m: { type: string }): m is WorkspaceMessage => m.type === 'workspace';

describe('a page connecting while its workspace pod starts', () => {
  it('is told every second how long it has waited, then gets a live terminal on the same connection', async () => {
    workshop.cluster.kubelet.imagePull = { ms: 4_000 };
    const client = await workshop.connect(await workshop.join('Slow Sam'));
    const first = await client.next(isWorkspace, 20_000, 'the first word on the starting workspace');
    expect(first).toMatchObject({
      state: 'starting',
      message: 'pulling the image and starting the container',
    });
    const later = await client.next(isWorkspace, 20_000, 'a second word, a second later');
    expect(later.state).toBe('starting');
    expect(later.elapsedMs).toBeGreaterThan(first.elapsedMs);
    // What the page sends while it waits reaches the pod once it is there.
    client.send({ type: 'attach', terminal: 'main', cols: 120, rows: 30 });
    await client.next(is.hello, 60_000);
    await client.next(is.attached('main'), 30_000);
    const ran = await runStep(client, 'echo "ready after $((20+22)) s of waiting"');
    expect(ran).toMatchObject({ state: 'passed', exitCode: 0 });
    expect(ran.output).toContain('ready after 42 s');
    await client.close();
  });

  it('is told why when the pod cannot start, and closed with a code the page does not retry on', async () => {
    workshop.cluster.kubelet.imagePull = { ms: 2_500, error: 'pull access denied for nosuch/image' };
    const client = await workshop.connect(await workshop.join('Unlucky Uma'));
    expect(await client.next(isWorkspace, 20_000)).toMatchObject({ state: 'starting' });
    const failed = await client.next((m) => isWorkspace(m) && m.state === 'failed', 30_000);
    expect((failed as WorkspaceMessage).message).toMatch(
      /ErrImagePull.*pull access denied for nosuch\/image/,
    );
    expect((await client.closed).code).toBe(CloseCode.workspaceUnavailable);
    expect(client.received.some((m) => m.type === 'hello')).toBe(false);
  });

  it('is told why at once when the pod had already failed before the page connected', async () => {
    workshop.cluster.kubelet.imagePull = { ms: 0, error: 'manifest unknown' };
    const cookie = await workshop.join('Late Lou');
    await waitUntil(
      () => workshop.context.provider.list().then((all) => all.some((w) => w.state === 'failed')),
      30_000,
      'the pod to fail',
    );
    const client = await workshop.connect(cookie);
    const failed = await client.next(isWorkspace, 20_000);
    expect(failed).toMatchObject({ state: 'failed', message: expect.stringMatching(/ErrImagePull/) });
    expect((await client.closed).code).toBe(CloseCode.workspaceUnavailable);
  });

  it('answers at once, with no word on starting, when the pod is already Ready', async () => {
    workshop.cluster.kubelet.imagePull = { ms: 0 };
    const cookie = await workshop.join('Ready Rita');
    const first = await workshop.connect(cookie);
    await first.next(is.hello, 60_000);
    await first.close();
    const again = await workshop.connect(cookie);
    expect((await again.next(() => true, 20_000)).type).toBe('hello');
    await again.close();
  });
});
