/** The resources the simulated API serves, and how a request path names one of them. */

export interface ResourceType {
  readonly plural: string;
  readonly kind: string;
  readonly apiVersion: string;
  readonly namespaced: boolean;
}

const CORE: ResourceType[] = [
  { plural: 'namespaces', kind: 'Namespace', apiVersion: 'v1', namespaced: false },
  { plural: 'pods', kind: 'Pod', apiVersion: 'v1', namespaced: true },
  { plural: 'secrets', kind: 'Secret', apiVersion: 'v1', namespaced: true },
  { plural: 'resourcequotas', kind: 'ResourceQuota', apiVersion: 'v1', namespaced: true },
  { plural: 'limitranges', kind: 'LimitRange', apiVersion: 'v1', namespaced: true },
  { plural: 'serviceaccounts', kind: 'ServiceAccount', apiVersion: 'v1', namespaced: true },
];
const GROUPS: ResourceType[] = [
  {
    plural: 'networkpolicies',
    kind: 'NetworkPolicy',
    apiVersion: 'networking.k8s.io/v1',
    namespaced: true,
  },
  { plural: 'roles', kind: 'Role', apiVersion: 'rbac.authorization.k8s.io/v1', namespaced: true },
  {
    plural: 'rolebindings',
    kind: 'RoleBinding',
    apiVersion: 'rbac.authorization.k8s.io/v1',
    namespaced: true,
  },
];

export const RESOURCE_TYPES: readonly ResourceType[] = [...CORE, ...GROUPS];

/** What a request path addresses: a collection (name undefined) or one object. */
export interface Target {
  readonly type: ResourceType;
  /** Undefined for cluster-scoped types and for a list across all namespaces. */
  readonly namespace: string | undefined;
  readonly name: string | undefined;
}

/**
 * `/api/v1/namespaces/ns/pods/name`, `/apis/rbac.authorization.k8s.io/v1/namespaces/ns/roles`,
 * `/api/v1/pods` (every namespace), `/api/v1/namespaces/name`; undefined for anything else.
 */
export function parseTarget(pathname: string): Target | undefined {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let apiVersion: string;
  let rest: string[];
  if (parts[0] === 'api' && parts[1] === 'v1') {
    apiVersion = 'v1';
    rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    apiVersion = `${parts[1]}/${parts[2]}`;
    rest = parts.slice(3);
  } else return undefined;
  const find = (plural: string | undefined) =>
    RESOURCE_TYPES.find((type) => type.plural === plural && type.apiVersion === apiVersion);

  if (rest[0] === 'namespaces' && rest.length >= 3) {
    const type = find(rest[2]);
    if (!type?.namespaced || rest.length > 4) return undefined;
    return { type, namespace: rest[1], name: rest[3] };
  }
  const type = find(rest[0]);
  if (!type || rest.length > 2) return undefined;
  if (type.namespaced && rest.length > 1) return undefined;
  return { type, namespace: undefined, name: rest[1] };
}
