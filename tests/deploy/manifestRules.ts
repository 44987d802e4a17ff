/**
 * The rules deploy/kubernetes must keep, as a function from manifests to the rules they break
 * (empty: none). The manifest test runs it on ours, and on copies broken one rule at a time.
 */
import { restrictedViolations, type PodSpec } from '../kubernetes/simulatedApi/podSecurity';

export interface Manifest {
  /** Path under deploy/kubernetes. */
  readonly file: string;
  /** The file's text: some rules are about its comments. */
  readonly text: string;
  readonly object: {
    apiVersion: string;
    kind: string;
    metadata: {
      name: string;
      namespace?: string;
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
    };
    [key: string]: unknown;
  };
}

interface PolicyRule {
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  verbs?: string[];
}

const WEBSOCKET_SECONDS = 3600;

export function brokenRules(manifests: readonly Manifest[]): string[] {
  const problems: string[] = [];
  const where = (m: Manifest) => `${m.file} (${m.object.kind} ${m.object.metadata.name})`;
  const namespaces = manifests.filter((m) => m.object.kind === 'Namespace');
  for (const ns of namespaces)
    if (ns.object.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted')
      problems.push(`${where(ns)}: namespace must enforce the restricted Pod Security level`);

  for (const m of manifests) {
    const { kind, metadata } = m.object;
    if (metadata.namespace && !namespaces.some((ns) => ns.object.metadata.name === metadata.namespace))
      problems.push(`${where(m)}: its namespace ${metadata.namespace} is not among the manifests`);
    if (kind === 'Deployment') problems.push(...podProblems(m, manifests).map((p) => `${where(m)}: ${p}`));
    if (kind === 'ClusterRole' || kind === 'Role')
      problems.push(...rbacProblems(m).map((p) => `${where(m)}: ${p}`));
    if (kind === 'Ingress') {
      for (const key of ['proxy-read-timeout', 'proxy-send-timeout']) {
        const value = Number(metadata.annotations?.[`nginx.ingress.kubernetes.io/${key}`]);
        if (!(value >= WEBSOCKET_SECONDS))
          problems.push(`${where(m)}: ${key} must be at least an hour (WebSockets)`);
      }
    }
    if (kind === 'Route') {
      const timeout = metadata.annotations?.['haproxy.router.openshift.io/timeout'] ?? '';
      if (seconds(timeout) < WEBSOCKET_SECONDS)
        problems.push(`${where(m)}: haproxy timeout must be at least 1h (WebSockets)`);
    }
  }
  return problems;
}

function podProblems(m: Manifest, all: readonly Manifest[]): string[] {
  const template = (m.object.spec as { template: { spec: PodSpec & Record<string, unknown> } }).template;
  const spec = template.spec;
  const problems = restrictedViolations(spec);
  const containers = (spec.containers ?? []) as {
    name: string;
    args?: string[];
    securityContext?: { readOnlyRootFilesystem?: boolean };
    volumeMounts?: { name: string; mountPath: string }[];
  }[];
  for (const container of containers)
    if (container.securityContext?.readOnlyRootFilesystem !== true)
      problems.push(`container "${container.name}" must set readOnlyRootFilesystem=true`);
  const volumes = (spec.volumes ?? []) as {
    name: string;
    hostPath?: unknown;
    persistentVolumeClaim?: { claimName: string };
  }[];
  for (const volume of volumes)
    if (volume.hostPath) problems.push(`volume "${volume.name}" must not be a hostPath`);
  const claims = volumes.filter((v) => v.persistentVolumeClaim);
  for (const claim of claims) {
    const name = claim.persistentVolumeClaim?.claimName;
    if (!all.some((x) => x.object.kind === 'PersistentVolumeClaim' && x.object.metadata.name === name))
      problems.push(`volume "${claim.name}" claims ${name}, which no manifest makes`);
  }
  // The SQLite file must live on the claim, or a restart loses every attendee.
  for (const container of containers) {
    const dataDir = container.args?.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
    if (dataDir === undefined) continue;
    const mount = container.volumeMounts?.find(
      (v) => dataDir === v.mountPath || dataDir.startsWith(`${v.mountPath}/`),
    );
    if (!mount || !claims.some((c) => c.name === mount.name))
      problems.push(`--data-dir ${dataDir} must be on a PersistentVolumeClaim`);
  }
  return problems;
}

function rbacProblems(m: Manifest): string[] {
  const problems: string[] = [];
  if (m.object.kind === 'ClusterRole' && !/^# Why a ClusterRole:/m.test(m.text))
    problems.push('a ClusterRole needs a "# Why a ClusterRole:" comment saying why a Role would not do');
  for (const rule of (m.object.rules ?? []) as PolicyRule[]) {
    const all = [...(rule.apiGroups ?? []), ...(rule.resources ?? []), ...(rule.verbs ?? [])];
    if (all.includes('*')) problems.push('no wildcard in apiGroups, resources or verbs');
    for (const verb of ['escalate', 'impersonate'])
      if (rule.verbs?.includes(verb)) problems.push(`the verb ${verb} is never needed`);
    const readsSecrets = rule.verbs?.some((v) => ['get', 'list', 'watch'].includes(v));
    if (rule.resources?.includes('secrets') && readsSecrets && !rule.resourceNames?.length)
      problems.push('reading Secrets must name them (resourceNames): never every Secret of the cluster');
    if (rule.resources?.includes('secrets') && rule.verbs?.some((v) => v === 'list' || v === 'watch'))
      problems.push('listing or watching Secrets reads them all, whatever resourceNames say');
  }
  return problems;
}

/** `1h`, `90m`, `3600s`, `3600` (HAProxy's units). */
function seconds(value: string): number {
  const match = /^(\d+)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) return 0;
  const unit = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400 }[(match[2] ?? 'ms') as 'ms'];
  return Number(match[1]) * unit;
}
