/**
 * The writes the provider makes, through the official client: create that tolerates "already
 * exists" (a retried or concurrent create), delete that tolerates "not found", and a compare-and-set
 * update (the resourceVersion it read) for claiming a warm workspace.
 */
import {
  CoreV1Api,
  NetworkingV1Api,
  RbacAuthorizationV1Api,
  type KubeConfig,
  type V1Namespace,
  type V1Pod,
} from '@kubernetes/client-node';
import type { NamespacedObjects } from './namespaceObjects';

export class ClusterApi {
  readonly core: CoreV1Api;
  private readonly networking: NetworkingV1Api;
  private readonly rbac: RbacAuthorizationV1Api;

  constructor(config: KubeConfig) {
    this.core = config.makeApiClient(CoreV1Api);
    this.networking = config.makeApiClient(NetworkingV1Api);
    this.rbac = config.makeApiClient(RbacAuthorizationV1Api);
  }

  createNamespace(body: V1Namespace): Promise<void> {
    return tolerate(409, this.core.createNamespace({ body }));
  }

  async createNamespaced(namespace: string, objects: NamespacedObjects): Promise<void> {
    const { quota, limits, networkPolicy, secret, serviceAccount, roleBinding } = objects;
    await Promise.all([
      tolerate(409, this.core.createNamespacedResourceQuota({ namespace, body: quota })),
      tolerate(409, this.core.createNamespacedLimitRange({ namespace, body: limits })),
      tolerate(409, this.networking.createNamespacedNetworkPolicy({ namespace, body: networkPolicy })),
      tolerate(409, this.core.createNamespacedSecret({ namespace, body: secret })),
      serviceAccount &&
        tolerate(409, this.core.createNamespacedServiceAccount({ namespace, body: serviceAccount })),
      roleBinding && tolerate(409, this.rbac.createNamespacedRoleBinding({ namespace, body: roleBinding })),
    ]);
  }

  createPod(namespace: string, body: V1Pod): Promise<void> {
    return tolerate(409, this.core.createNamespacedPod({ namespace, body }));
  }

  deletePod(namespace: string, name: string): Promise<void> {
    return tolerate(404, this.core.deleteNamespacedPod({ namespace, name }));
  }

  deleteNamespace(name: string): Promise<void> {
    return tolerate(404, this.core.deleteNamespace({ name }));
  }

  /** Compare-and-set: false when someone changed the namespace since `current` was read. */
  async replaceNamespace(current: V1Namespace, change: (ns: V1Namespace) => V1Namespace): Promise<boolean> {
    try {
      await this.core.replaceNamespace({
        name: current.metadata?.name ?? '',
        body: change(structuredClone(current)),
      });
      return true;
    } catch (error) {
      if (statusCode(error) === 409) return false;
      throw error;
    }
  }

  async replacePodLabels(
    namespace: string,
    name: string,
    labels: Record<string, string>,
    annotations: Record<string, string>,
  ) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const pod = await this.core.readNamespacedPod({ namespace, name });
      pod.metadata = {
        ...pod.metadata,
        labels: { ...pod.metadata?.labels, ...labels },
        annotations: { ...pod.metadata?.annotations, ...annotations },
      };
      try {
        await this.core.replaceNamespacedPod({ namespace, name, body: pod });
        return;
      } catch (error) {
        if (statusCode(error) !== 409) throw error;
      }
    }
  }

  async readToken(namespace: string, secret: string, key: string): Promise<string | undefined> {
    try {
      const found = await this.core.readNamespacedSecret({ namespace, name: secret });
      const value = found.data?.[key];
      return value === undefined ? undefined : Buffer.from(value, 'base64').toString('utf8');
    } catch (error) {
      if (statusCode(error) === 404) return undefined;
      throw error;
    }
  }
}

export function statusCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

async function tolerate(code: number, request: Promise<unknown> | undefined): Promise<void> {
  try {
    await request;
  } catch (error) {
    if (statusCode(error) !== code) throw error;
  }
}

/** A sentence from an API error: the Status message when the server sent one. */
export function describeApiError(error: unknown): string {
  const body = (error as { body?: unknown } | null)?.body;
  if (typeof body === 'string') {
    try {
      const status = JSON.parse(body) as { message?: string };
      if (status.message) return status.message;
    } catch {
      // Not a Status: fall through to the error's own message.
    }
  }
  return error instanceof Error ? error.message : String(error);
}
