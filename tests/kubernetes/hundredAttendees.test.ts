/**
 * A workshop of a hundred against the simulated API (a test double: simulatedApi/README.md), with
 * a real terminal-server process per pod: every attendee gets a namespace and a pod of their own
 * with the labels and security settings, idle pods are culled, a restarted provider re-adopts all
 * of them without a single write, and ending the workshop leaves nothing behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubernetesProvider } from '../../server/workshop/kubernetes/kubernetesProvider';
import type { WorkspaceEndpoint } from '../../server/workshop/workspaceProvider';
import { is, TestClient } from '../server/helpers/testClient';
import type { SimulatedCluster } from './simulatedApi/apiServer';
import { RESOURCE_TYPES } from './simulatedApi/resources';
import { owner, providerOn, startSimulatedCluster } from './support/providerFixture';
import { waitUntil } from './support/pods';

const ATTENDEES = 100;
const NAMESPACES = RESOURCE_TYPES.find((t) => t.plural === 'namespaces')!;
const PODS = RESOURCE_TYPES.find((t) => t.plural === 'pods')!;
const ids = Array.from({ length: ATTENDEES }, (_, n) => n);

let cluster: SimulatedCluster;
let provider: KubernetesProvider;
const endpoints = new Map<string, WorkspaceEndpoint>();

beforeAll(async () => {
  cluster = await startSimulatedCluster();
  provider = await providerOn(cluster);
}, 60_000);
afterAll(async () => {
  await provider.dispose();
  await cluster.close();
});

async function endpointOf(attendeeId: string): Promise<WorkspaceEndpoint> {
  const result = await provider.endpoint(attendeeId);
  if (!result.ok) throw new Error(`${attendeeId}: ${result.code}: ${result.message}`);
  return result.endpoint;
}

describe(`a workshop of ${ATTENDEES} on the kubernetes provider`, () => {
  it('gives every attendee a restricted namespace and a Ready pod of their own', async () => {
    await Promise.all(ids.map((n) => provider.create(owner(n))));
    await Promise.all(ids.map(async (n) => endpoints.set(`a${n}`, await endpointOf(`a${n}`))));

    const namespaces = cluster.store.list(NAMESPACES, undefined);
    expect(namespaces).toHaveLength(ATTENDEES);
    const owners = namespaces.map((ns) => ns.metadata.labels?.['runnable-walkthrough.dev/attendee']).sort();
    expect(owners).toEqual(ids.map((n) => `a${n}`).sort());
    for (const ns of namespaces) {
      expect(ns.metadata.labels).toMatchObject({
        'pod-security.kubernetes.io/enforce': 'restricted',
        'app.kubernetes.io/managed-by': 'runnable-walkthrough',
        'runnable-walkthrough.dev/workshop': 'kube-test',
      });
    }
    const pods = cluster.store.list(PODS, undefined);
    expect(pods).toHaveLength(ATTENDEES);
    for (const pod of pods) {
      const spec = pod.spec as {
        securityContext: object;
        containers: { securityContext: object }[];
      };
      expect(spec.securityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(spec.containers[0]?.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      const namespace = namespaces.find((ns) => ns.metadata.name === pod.metadata.namespace);
      expect(pod.metadata.labels?.['runnable-walkthrough.dev/attendee']).toBe(
        namespace?.metadata.labels?.['runnable-walkthrough.dev/attendee'],
      );
    }
    expect(cluster.kubelet.processCount).toBe(ATTENDEES);
    expect(new Set([...endpoints.values()].map((e) => e.url)).size).toBe(ATTENDEES);
    expect(new Set([...endpoints.values()].map((e) => e.token)).size).toBe(ATTENDEES);
  }, 600_000);

  it("refuses one attendee's token at another attendee's pod", async () => {
    const a = endpoints.get('a1')!;
    const b = endpoints.get('a2')!;
    const own = await TestClient.connect(a.url, { token: a.token, origin: a.origin });
    await own.next(is.hello);
    own.socket.close();
    await expect(TestClient.connect(a.url, { token: b.token, origin: a.origin })).rejects.toThrow(/401/);
  });

  it('re-adopts all of them after a restart, creating and deleting nothing', async () => {
    await provider.dispose();
    const writesBefore = cluster.audit.length;
    provider = await providerOn(cluster);
    const listed = await provider.list();
    expect(listed).toHaveLength(ATTENDEES);
    expect(listed.every((w) => w.state === 'ready')).toBe(true);
    expect(listed.find((w) => w.owner.attendeeId === 'a7')?.owner.displayName).toBe('Attendee 7');
    for (const n of ids) expect(await endpointOf(`a${n}`)).toEqual(endpoints.get(`a${n}`));
    expect(cluster.audit.slice(writesBefore)).toEqual([]);
    expect(cluster.kubelet.processCount).toBe(ATTENDEES);
  });

  it('culls idle pods (their processes end, their namespaces stay) and starts one again on the next connection', async () => {
    const idle = ids.slice(0, 10).map((n) => `a${n}`);
    await Promise.all(idle.map((id) => provider.stop(id)));
    expect(cluster.kubelet.processCount).toBe(ATTENDEES - idle.length);
    expect(cluster.store.list(PODS, undefined)).toHaveLength(ATTENDEES - idle.length);
    expect(cluster.store.list(NAMESPACES, undefined)).toHaveLength(ATTENDEES);
    const states = await provider.list();
    expect(
      states
        .filter((w) => w.state === 'stopped')
        .map((w) => w.owner.attendeeId)
        .sort(),
    ).toEqual([...idle].sort());
    const again = await endpointOf('a0');
    const client = await TestClient.connect(again.url, { token: again.token, origin: again.origin });
    await client.next(is.hello);
    client.socket.close();
    expect(again.token).toBe(endpoints.get('a0')?.token);
  }, 120_000);

  it('deletes every namespace, pod and process when the workshop ends', async () => {
    await provider.endWorkshop();
    await waitUntil(() => cluster.store.list(NAMESPACES, undefined).length === 0, 120_000, 'no namespaces');
    expect(cluster.store.list(PODS, undefined)).toEqual([]);
    expect(cluster.kubelet.processCount).toBe(0);
    expect(await provider.list()).toEqual([]);
  }, 180_000);
});
