/**
 * The `kubernetes` provider's settings (`--provider kubernetes --namespace-prefix ws- --warm 5
 * --image …`), their defaults, and the checks that turn a bad value into a sentence.
 */
import type { KubeConfig } from '@kubernetes/client-node';
import type { Logger } from '../../log';

export interface KubernetesProviderOptions {
  readonly workshopId: string;
  /** In-cluster config, else $KUBECONFIG or ~/.kube/config (`KubeConfig.loadFromDefault`). */
  readonly kubeConfig?: KubeConfig;
  /** Every attendee namespace starts with it: `ws-` gives `ws-<workshop>-<random>`. */
  readonly namespacePrefix: string;
  /** The terminal image (deploy/image/Containerfile). */
  readonly image: string;
  /** Ready workspaces kept unclaimed, so a join waits for neither scheduler nor image pull. */
  readonly warm: number;
  /** Labels of the workshop server's pods and their namespace: the only peers the NetworkPolicy admits. */
  readonly server: { readonly namespace: string; readonly podLabels: Readonly<Record<string, string>> };
  /** A ServiceAccount bound to `edit` in the attendee's own namespace, so oc/kubectl work there (default true). */
  readonly attendeeAccess: boolean;
  /** A pod not Ready after this long is a `timeout` (default 5 minutes: a cold image pull). */
  readonly readyTimeoutMs: number;
  /**
   * A backstop: pods carry activeDeadlineSeconds of this, so the cluster ends a forgotten one even
   * when no workshop server is left to cull it (the CLI gives --expires plus an hour of warm waiting).
   */
  readonly podLifetimeMs: number | undefined;
  readonly resources: WorkspaceResources;
  readonly log: Logger;
}

/** Kubernetes quantities (`500m`, `1Gi`). */
export interface WorkspaceResources {
  /** The workspace pod's own requests and limits. */
  readonly pod: { cpu: string; memory: string; cpuLimit: string; memoryLimit: string };
  /** The namespace's ResourceQuota: what the attendee's own deployments may add up to. */
  readonly quota: Readonly<Record<string, string>>;
  /** HOME's emptyDir size limit. */
  readonly home: string;
}

export const TERMINAL_PORT = 7681;

export const DEFAULT_RESOURCES: WorkspaceResources = {
  pod: { cpu: '100m', memory: '256Mi', cpuLimit: '1', memoryLimit: '1Gi' },
  quota: {
    'requests.cpu': '2',
    'requests.memory': '4Gi',
    'limits.cpu': '4',
    'limits.memory': '8Gi',
    pods: '20',
    persistentvolumeclaims: '4',
    'requests.storage': '10Gi',
    'services.loadbalancers': '0',
    'services.nodeports': '0',
  },
  home: '1Gi',
};

export type KubernetesProviderSettings = Pick<
  KubernetesProviderOptions,
  'workshopId' | 'namespacePrefix' | 'image'
> &
  Partial<Omit<KubernetesProviderOptions, 'workshopId' | 'namespacePrefix' | 'image'>>;

const PREFIX = /^[a-z]([-a-z0-9]{0,18})?$/;

export class KubernetesOptionError extends Error {}

export function resolveOptions(settings: KubernetesProviderSettings, log: Logger): KubernetesProviderOptions {
  if (!PREFIX.test(settings.namespacePrefix))
    throw new KubernetesOptionError(
      `--namespace-prefix ${settings.namespacePrefix}: 1 to 19 characters, lower-case letters, digits and '-', starting with a letter.`,
    );
  if (settings.image.trim() === '')
    throw new KubernetesOptionError('--image: the terminal image to run is required.');
  const warm = settings.warm ?? 0;
  if (!Number.isInteger(warm) || warm < 0 || warm > 500)
    throw new KubernetesOptionError(`--warm ${warm}: a whole number from 0 to 500.`);
  return {
    workshopId: settings.workshopId,
    kubeConfig: settings.kubeConfig,
    namespacePrefix: settings.namespacePrefix,
    image: settings.image,
    warm,
    server: settings.server ?? {
      namespace: 'runnable-walkthrough',
      podLabels: { 'app.kubernetes.io/name': 'workshop-server' },
    },
    attendeeAccess: settings.attendeeAccess ?? true,
    readyTimeoutMs: settings.readyTimeoutMs ?? 5 * 60_000,
    podLifetimeMs: settings.podLifetimeMs,
    resources: settings.resources ?? DEFAULT_RESOURCES,
    log: settings.log ?? log,
  };
}
