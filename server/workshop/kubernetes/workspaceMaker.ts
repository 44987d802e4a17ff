/**
 * Makes a workspace in the cluster: a namespace named `<prefix><workshop>-<random>`, then what it
 * holds (quota, limits, NetworkPolicy, token Secret, the attendee's account), then the pod. Every
 * create tolerates "already exists", so a retry after a failure half-way finishes the job.
 */
import { randomBytes } from 'node:crypto';
import { ClusterApi } from './clusterApi';
import { ANNOTATION, LABEL, workshopLabel } from './labels';
import { namespaceObject, namespacedObjects } from './namespaceObjects';
import type { KubernetesProviderOptions } from './options';
import { workspacePod, type PodOwner } from './workspacePod';

export function newNamespaceName(options: KubernetesProviderOptions): string {
  const workshop = workshopLabel(options.workshopId).slice(0, 30);
  const suffix = randomBytes(5).readUIntBE(0, 5).toString(36).padStart(8, '0').slice(-8);
  return `${options.namespacePrefix}${workshop}-${suffix}`.slice(0, 63);
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function makeWorkspace(
  api: ClusterApi,
  name: string,
  owner: PodOwner,
  options: KubernetesProviderOptions,
): Promise<void> {
  const namespace = namespaceObject(name, options);
  if (owner.attendeeId !== undefined) claimLabels(namespace, owner, Date.now());
  await api.createNamespace(namespace);
  await api.createNamespaced(name, namespacedObjects({ full: newToken(), audience: newToken() }, options));
  await api.createPod(name, workspacePod(owner, options));
}

/** What makes a namespace an attendee's: the label to find it by, the name to show. */
export function claimLabels<
  T extends { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } },
>(object: T, owner: PodOwner, now: number): T {
  object.metadata = {
    ...object.metadata,
    labels: { ...object.metadata?.labels, [LABEL.attendee]: owner.attendeeId ?? '' },
    annotations: {
      ...object.metadata?.annotations,
      [ANNOTATION.displayName]: owner.displayName ?? '',
      [ANNOTATION.claimedAt]: String(now),
    },
  };
  return object;
}
