/**
 * The simulated API server (a test double, see simulatedApi/README.md) answers the real client
 * library as a cluster would; the provider's tests lean on each of these behaviours.
 */
import { CoreV1Api, Watch, type V1Pod } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TERMINAL_PATH } from '../../src/protocol/messages';
import { is, TestClient } from '../server/helpers/testClient';
import { startSimulatedCluster, type SimulatedCluster } from './simulatedApi/apiServer';
import { kubeConfigOf } from './simulatedApi/kubeConfig';
import { restrictedPod, waitUntil } from './support/pods';

let cluster: SimulatedCluster;
let core: CoreV1Api;
beforeAll(async () => {
  cluster = await startSimulatedCluster();
  core = kubeConfigOf(cluster).makeApiClient(CoreV1Api);
});
afterAll(() => cluster.close());

const TOKEN = 'simulated-token-0123456789abcdefghijklmnop';

async function namespaceWithSecret(name: string, labels: Record<string, string> = {}) {
  await core.createNamespace({
    body: { metadata: { name, labels: { 'pod-security.kubernetes.io/enforce': 'restricted', ...labels } } },
  });
  await core.createNamespacedSecret({
    namespace: name,
    body: {
      metadata: { name: 'token' },
      data: {
        token: Buffer.from(TOKEN).toString('base64'),
        'audience-token': Buffer.from(`${TOKEN}-audience`).toString('base64'),
      },
    },
  });
}

describe('the simulated Kubernetes API', () => {
  it('refuses a request without its bearer token, and answers errors as Status objects', async () => {
    const response = await fetch(`${cluster.server}/api/v1/namespaces`);
    expect(response.status).toBe(401);
    await expect(core.readNamespace({ name: 'absent' })).rejects.toMatchObject({ code: 404 });
    await namespaceWithSecret('twice');
    await expect(core.createNamespace({ body: { metadata: { name: 'twice' } } })).rejects.toMatchObject({
      code: 409,
    });
  });

  it('lists by label selector, including set-based and negated requirements', async () => {
    await namespaceWithSecret('sel-a', { team: 'a', tier: 'x' });
    await namespaceWithSecret('sel-b', { team: 'b' });
    const names = async (labelSelector: string) =>
      (await core.listNamespace({ labelSelector })).items.map((n) => n.metadata?.name).sort();
    expect(await names('team=a')).toEqual(['sel-a']);
    expect(await names('team in (a,b),!tier')).toEqual(['sel-b']);
    expect(await names('team,team!=b')).toEqual(['sel-a']);
  });

  it('refuses a pod that breaks the restricted Pod Security profile, naming what it breaks', async () => {
    await namespaceWithSecret('psa');
    const pod: V1Pod = { metadata: { name: 'root' }, spec: { containers: [{ name: 'c', image: 'x' }] } };
    await expect(core.createNamespacedPod({ namespace: 'psa', body: pod })).rejects.toMatchObject({
      code: 403,
      body: expect.stringContaining('allowPrivilegeEscalation=false'),
    });
  });

  it('runs a pod as a real terminal server that accepts the Secret token, and watch events follow it', async () => {
    await namespaceWithSecret('run');
    const events: string[] = [];
    const watch = await new Watch(kubeConfigOf(cluster)).watch(
      '/api/v1/namespaces/run/pods',
      {},
      (type: string, pod: V1Pod) => events.push(`${type} ${pod.status?.phase ?? '-'}`),
      () => {},
    );
    await core.createNamespacedPod({ namespace: 'run', body: restrictedPod('workspace', 'token') });
    const ready = await waitUntil(async () => {
      const pod = await core.readNamespacedPod({ namespace: 'run', name: 'workspace' });
      return pod.status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True' ? pod : undefined;
    });
    expect(ready.status?.podIP).toMatch(/^127\./);
    const client = await TestClient.connect(`ws://${ready.status?.podIP}:7681${TERMINAL_PATH}`, {
      token: TOKEN,
    });
    await client.next(is.hello);
    client.socket.close();
    await expect(
      TestClient.connect(`ws://${ready.status?.podIP}:7681${TERMINAL_PATH}`, { token: `${TOKEN}x` }),
    ).rejects.toThrow(/401/);

    await core.deleteNamespace({ name: 'run' });
    await waitUntil(async () => (await core.listNamespace()).items.every((n) => n.metadata?.name !== 'run'));
    expect(events[0]).toBe('ADDED -');
    expect(events).toContain('MODIFIED Running');
    expect(events.at(-1)).toMatch(/^DELETED/);
    expect(cluster.kubelet.processCount).toBe(0);
    watch.abort();
  });

  it('answers a watch from a resourceVersion with what happened since, and PUT with a stale one with 409', async () => {
    await namespaceWithSecret('rv');
    const list = await core.listNamespace({ labelSelector: 'pod-security.kubernetes.io/enforce' });
    const since = list.metadata?.resourceVersion ?? '';
    const stale = await core.readNamespace({ name: 'rv' });
    await core.replaceNamespace({
      name: 'rv',
      body: { ...stale, metadata: { ...stale.metadata, labels: { v: '1' } } },
    });
    await expect(
      core.replaceNamespace({
        name: 'rv',
        body: { ...stale, metadata: { ...stale.metadata, labels: { v: '2' } } },
      }),
    ).rejects.toMatchObject({ code: 409 });
    const seen: string[] = [];
    const watch = await new Watch(kubeConfigOf(cluster)).watch(
      '/api/v1/namespaces',
      { resourceVersion: since },
      (type: string, ns: { metadata?: { labels?: Record<string, string> } }) =>
        seen.push(`${type} ${ns.metadata?.labels?.v ?? ''}`),
      () => {},
    );
    await waitUntil(() => seen.length > 0);
    expect(seen).toEqual(['MODIFIED 1']);
    watch.abort();
  });
});
