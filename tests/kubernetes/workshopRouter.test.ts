/**
 * A hundred attendees through the real workshop server (join form, session cookie, router) onto
 * pods of the simulated cluster (a test double: simulatedApi/README.md): each Run lands in the
 * attendee's own pod, and the lifetimes' idle sweep culls pods the router then starts again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLifetimes } from '../../server/workshop/lifetimes';
import { PRESENTER_ID } from '../../server/workshop/context';
import { runStep } from '../server/workshop/fixture';
import { RESOURCE_TYPES } from './simulatedApi/resources';
import { kubeWorkshop, type KubeWorkshop } from './support/kubeWorkshop';
import { waitUntil } from './support/pods';

const ATTENDEES = 100;
const NAMESPACES = RESOURCE_TYPES.find((t) => t.plural === 'namespaces')!;
const names = Array.from({ length: ATTENDEES }, (_, n) => `Attendee ${n}`);

let workshop: KubeWorkshop;
const cookies = new Map<string, string>();
beforeAll(async () => {
  workshop = await kubeWorkshop(ATTENDEES);
  for (const name of names) cookies.set(name, await workshop.join(name));
}, 120_000);
afterAll(() => workshop?.cleanup(), 180_000);

/** The attendee id the workshop gave a display name. */
const idOf = (name: string) =>
  workshop.context.store.activeAttendees().find((a) => a.displayName === name)!.id;

/** The HOME directory of the pod in the namespace labelled with this attendee. */
function homeOf(attendeeId: string): string | undefined {
  const ns = workshop.cluster.store
    .list(NAMESPACES, undefined)
    .find((n) => n.metadata.labels?.['runnable-walkthrough.dev/attendee'] === attendeeId);
  return ns && workshop.cluster.kubelet.hostPathOf(ns.metadata.name, 'workspace', '/home/attendee');
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(work));
}

describe(`${ATTENDEES} attendees through the router onto kubernetes pods`, () => {
  it("takes each attendee's Run to their own pod and no other", async () => {
    await inBatches(names, 20, async (name) => {
      const client = await workshop.connect(cookies.get(name)!);
      const ran = await runStep(client, `echo "${name}" > ~/owner && cat ~/owner`);
      expect(ran.state).toBe('passed');
      expect(ran.output).toContain(name);
      client.socket.close();
    });
    for (const name of names) {
      const home = homeOf(idOf(name));
      expect(home, name).toBeDefined();
      // The only file a Run left in this pod's HOME is this attendee's.
      expect(readdirSync(home!).filter((f) => f !== '.bashrc' && !f.startsWith('.bash'))).toEqual(['owner']);
      expect(readFileSync(`${home}/owner`, 'utf8')).toBe(`${name}\n`);
    }
    // One pod per attendee, and the presenter's.
    expect(workshop.cluster.kubelet.processCount).toBe(ATTENDEES + 1);
  }, 600_000);

  it('culls the pods of idle attendees, and the router starts a culled one again on the next connection', async () => {
    // Idle means no page connected: the sockets of the first test must have reached the router's ears.
    await waitUntil(
      () => workshop.server.router.connectedWorkspaces().size === 0,
      30_000,
      'no page connected',
    );
    const lifetimes = startLifetimes(workshop.context, workshop.server.router, 3_600_000);
    await lifetimes.sweep(Date.now() + workshop.context.settings.idleMs + 60_000);
    lifetimes.stop();
    const listed = await workshop.provider.list();
    expect(
      listed.filter((w) => w.owner.attendeeId !== PRESENTER_ID).every((w) => w.state === 'stopped'),
    ).toBe(true);
    await waitUntil(() => workshop.cluster.kubelet.processCount === 1, 60_000, 'only the presenter pod left');
    expect(workshop.cluster.store.list(NAMESPACES, undefined)).toHaveLength(ATTENDEES + 1);

    const back = await workshop.connect(cookies.get('Attendee 3')!);
    const ran = await runStep(back, 'echo back-again');
    expect(ran.state).toBe('passed');
    expect(workshop.cluster.kubelet.processCount).toBe(2);
    back.socket.close();
  }, 180_000);
});
