/**
 * Deletion as the API server and its controllers do it: a pod is marked (deletionTimestamp) and
 * disappears once its processes ended; a namespace turns Terminating, its contents are deleted,
 * and it disappears last. Other objects go at once.
 */
import type { SimulatedKubelet } from './kubelet';
import { RESOURCE_TYPES, type ResourceType } from './resources';
import { notFound, type KubeObject, type ObjectStore } from './store';

const PODS = RESOURCE_TYPES.find((t) => t.plural === 'pods')!;
const NAMESPACES = RESOURCE_TYPES.find((t) => t.plural === 'namespaces')!;
/** Shorter than a real kubelet's 30 s: the terminal server ends its shells on SIGTERM at once. */
const POD_GRACE_MS = 5_000;

export class Deleter {
  constructor(
    private readonly store: ObjectStore,
    private readonly kubelet: SimulatedKubelet,
  ) {}

  delete(type: ResourceType, namespace: string | undefined, name: string): KubeObject {
    const current = this.store.get(type, namespace, name);
    if (!current) throw notFound(type, name);
    if (current.metadata.deletionTimestamp) return current;
    if (type === PODS) return this.deletePod(current);
    if (type === NAMESPACES) return this.deleteNamespace(current);
    return this.store.remove(type, namespace, name) ?? current;
  }

  private deletePod(pod: KubeObject): KubeObject {
    const marked = this.store.modify(PODS, pod.metadata.namespace, pod.metadata.name, (object) => {
      object.metadata.deletionTimestamp = new Date().toISOString();
      object.metadata.deletionGracePeriodSeconds = POD_GRACE_MS / 1000;
    });
    void this.podGone(pod);
    return marked ?? pod;
  }

  private async podGone(pod: KubeObject): Promise<void> {
    await this.kubelet.terminate(pod, POD_GRACE_MS);
    this.store.remove(PODS, pod.metadata.namespace, pod.metadata.name);
  }

  private deleteNamespace(namespace: KubeObject): KubeObject {
    const name = namespace.metadata.name;
    const marked = this.store.modify(NAMESPACES, undefined, name, (object) => {
      object.metadata.deletionTimestamp = new Date().toISOString();
      object.status = { phase: 'Terminating' };
    });
    void (async () => {
      for (const type of RESOURCE_TYPES.filter((t) => t.namespaced && t !== PODS))
        for (const object of this.store.list(type, name)) this.store.remove(type, name, object.metadata.name);
      await Promise.all(
        this.store.list(PODS, name).map((pod) => {
          if (!pod.metadata.deletionTimestamp) this.deletePod(pod);
          return this.podGone(pod);
        }),
      );
      this.store.remove(NAMESPACES, undefined, name);
    })();
    return marked ?? namespace;
  }
}
