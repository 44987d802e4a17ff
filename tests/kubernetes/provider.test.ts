/**
 * The kubernetes workspace provider against the simulated API server, through the real client
 * library: what it makes per attendee, readiness, the warm pool, culling and re-adoption.
 */
import { CoreV1Api, NetworkingV1Api } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { is, TestClient } from '../server/helpers/testClient';
import type { SimulatedCluster } from './simulatedApi/apiServer';
import { kubeConfigOf } from './simulatedApi/kubeConfig';
import { owner, providerOn, startSimulatedCluster } from './support/providerFixture';
import { RESOURCE_TYPES } from './simulatedApi/resources';
import { waitUntil } from './support/pods';

const NAMESPACES = RESOURCE_TYPES.find((t) => t.plural === 'namespaces')!;

let cluster: SimulatedCluster;
beforeAll(async () => {
  cluster = await startSimulatedCluster();
});
afterAll(() => cluster.close());

describe('the kubernetes workspace provider', () => {
  it('makes a restricted namespace with quota, limits, policy, token and pod, and reaches it when Ready', async () => {
    const provider = await providerOn(cluster);
    const core = kubeConfigOf(cluster).makeApiClient(CoreV1Api);
    const workspace = await provider.create(owner(1));
    expect(workspace.owner).toMatchObject({ attendeeId: 'a1', displayName: 'Attendee 1' });
    const waited: number[] = [];
    const result = await provider.endpoint('a1', { onWaiting: (w) => waited.push(w.elapsedMs) });
    if (!result.ok) throw new Error(result.message);
    expect(result.endpoint.url).toMatch(/^ws:\/\/127\.\d+\.\d+\.\d+:7681\/terminal$/);
    const client = await TestClient.connect(result.endpoint.url, {
      token: result.endpoint.token,
      origin: result.endpoint.origin,
    });
    await client.next(is.hello);
    client.socket.close();

    const [ns] = (await core.listNamespace({ labelSelector: 'runnable-walkthrough.dev/attendee=a1' })).items;
    const name = ns?.metadata?.name ?? '';
    expect(name).toMatch(/^ws-kube-test-[a-z0-9]{8}$/);
    expect(ns?.metadata?.labels?.['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect((await core.listNamespacedResourceQuota({ namespace: name })).items).toHaveLength(1);
    expect((await core.listNamespacedLimitRange({ namespace: name })).items).toHaveLength(1);
    const policies = await kubeConfigOf(cluster)
      .makeApiClient(NetworkingV1Api)
      .listNamespacedNetworkPolicy({ namespace: name });
    expect(policies.items[0]?.spec?.ingress?.[0]?.ports?.[0]?.port).toBe(7681);
    expect(policies.items[0]?.spec?.ingress?.[0]?._from?.[0]?.podSelector?.matchLabels).toEqual({
      'app.kubernetes.io/name': 'workshop-server',
    });
    expect((await provider.list()).map((w) => [w.owner.attendeeId, w.state])).toEqual([['a1', 'ready']]);

    const watch = await provider.endpoint('a1', { access: 'watch' });
    if (!watch.ok) throw new Error(watch.message);
    expect(watch.endpoint.token).not.toBe(result.endpoint.token);
    const watcher = await TestClient.connect(watch.endpoint.url, {
      token: watch.endpoint.token,
      origin: watch.endpoint.origin,
    });
    await watcher.next(is.hello);
    watcher.socket.close();
    await provider.stop('a1');
    const writes = cluster.audit.length;
    expect(await provider.endpoint('a1', { access: 'watch' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(cluster.audit.length).toBe(writes);
    await provider.endWorkshop();
    await provider.dispose();
  });

  it('hands a join a warm pod, makes another to keep N ready, and ends them all with the workshop', async () => {
    const provider = await providerOn(cluster, { warm: 2 });
    const unclaimed = () =>
      cluster.store
        .list({ plural: 'namespaces', kind: 'Namespace', apiVersion: 'v1', namespaced: false }, undefined)
        .filter((ns) => !ns.metadata.labels?.['runnable-walkthrough.dev/attendee']).length;
    await waitUntil(() => unclaimed() === 2, 60_000, 'two warm namespaces');
    const before = cluster.audit.length;
    await provider.create(owner(2));
    const result = await provider.endpoint('a2');
    expect(result.ok).toBe(true);
    // The join made no namespace of its own: it relabelled a warm one, and the pool made one more.
    await waitUntil(() => unclaimed() === 2, 60_000, 'the pool topped up');
    const writes = cluster.audit.slice(before);
    expect(writes.filter((w) => w.verb === 'update' && w.resource === 'namespaces')).toHaveLength(1);
    expect(writes.filter((w) => w.verb === 'create' && w.resource === 'namespaces')).toHaveLength(1);
    // A warm pod that dies is replaced: its namespace goes, a new warm one comes.
    const warmNames = () =>
      cluster.store
        .list(NAMESPACES, undefined)
        .filter((ns) => !ns.metadata.labels?.['runnable-walkthrough.dev/attendee'])
        .map((ns) => ns.metadata.name);
    const [victim] = warmNames();
    await waitUntil(
      () => cluster.kubelet.hostPathOf(victim!, 'workspace', '/tmp'),
      60_000,
      'the warm pod running',
    );
    cluster.kubelet.crash(victim!, 'workspace');
    await waitUntil(
      () => !warmNames().includes(victim!) && warmNames().length === 2,
      60_000,
      'a replacement',
    );
    await provider.endWorkshop();
    expect(
      cluster.store.list(
        { plural: 'namespaces', kind: 'Namespace', apiVersion: 'v1', namespaced: false },
        undefined,
      ),
    ).toEqual([]);
    expect(cluster.kubelet.processCount).toBe(0);
    await provider.dispose();
  });
});
