/**
 * What an attendee's namespace holds besides the pod, as plain objects (pure: tested as data):
 * restricted Pod Security, a quota and default limits, a NetworkPolicy that lets only the
 * workshop server reach the terminal port, the pod's token, and optionally the attendee's own
 * ServiceAccount bound to `edit` in this namespace only.
 */
import type {
  V1LimitRange,
  V1Namespace,
  V1NetworkPolicy,
  V1ResourceQuota,
  V1RoleBinding,
  V1Secret,
  V1ServiceAccount,
} from '@kubernetes/client-node';
import { ANNOTATION, LABEL, ownerLabels } from './labels';
import { TERMINAL_PORT, type KubernetesProviderOptions } from './options';

export const TOKEN_SECRET = 'workspace-token';
export const TOKEN_KEY = 'token';
/** The watch-only token: the instructor watching, presenter followers. */
export const AUDIENCE_KEY = 'audience-token';
export const ATTENDEE_ACCOUNT = 'workspace';

export function namespaceObject(name: string, options: KubernetesProviderOptions): V1Namespace {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      labels: {
        ...ownerLabels(options.workshopId),
        [LABEL.podSecurity]: 'restricted',
        'pod-security.kubernetes.io/enforce-version': 'latest',
      },
      annotations: { [ANNOTATION.workshopId]: options.workshopId },
    },
  };
}

export interface NamespacedObjects {
  readonly quota: V1ResourceQuota;
  readonly limits: V1LimitRange;
  readonly networkPolicy: V1NetworkPolicy;
  readonly secret: V1Secret;
  readonly serviceAccount?: V1ServiceAccount;
  readonly roleBinding?: V1RoleBinding;
}

export function namespacedObjects(
  tokens: { full: string; audience: string },
  options: KubernetesProviderOptions,
): NamespacedObjects {
  const metadata = (name: string) => ({ name, labels: ownerLabels(options.workshopId) });
  const access = options.attendeeAccess
    ? {
        serviceAccount: { apiVersion: 'v1', kind: 'ServiceAccount', metadata: metadata(ATTENDEE_ACCOUNT) },
        // The built-in `edit` role, bound in this namespace only: the attendee's oc/kubectl can deploy
        // here and nowhere else (no namespaces, no RBAC, no quota changes).
        roleBinding: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: metadata('workspace-edit'),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'edit' },
          subjects: [{ kind: 'ServiceAccount', name: ATTENDEE_ACCOUNT }],
        },
      }
    : {};
  return {
    quota: {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: metadata('workspace-quota'),
      spec: { hard: { ...options.resources.quota } },
    },
    limits: {
      apiVersion: 'v1',
      kind: 'LimitRange',
      metadata: metadata('workspace-limits'),
      spec: {
        limits: [
          {
            type: 'Container',
            _default: { cpu: '500m', memory: '512Mi' },
            defaultRequest: { cpu: '50m', memory: '128Mi' },
            max: { cpu: '2', memory: '2Gi' },
          },
        ],
      },
    },
    networkPolicy: {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata('workspace-terminal'),
      spec: {
        podSelector: { matchLabels: { [LABEL.component]: 'workspace' } },
        policyTypes: ['Ingress'],
        ingress: [
          {
            _from: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': options.server.namespace },
                },
                podSelector: { matchLabels: { ...options.server.podLabels } },
              },
            ],
            ports: [{ protocol: 'TCP', port: TERMINAL_PORT }],
          },
        ],
      },
    },
    secret: {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: metadata(TOKEN_SECRET),
      type: 'Opaque',
      data: {
        [TOKEN_KEY]: Buffer.from(tokens.full).toString('base64'),
        [AUDIENCE_KEY]: Buffer.from(tokens.audience).toString('base64'),
      },
    },
    ...access,
  };
}
