/**
 * Pod Security admission at the `restricted` level, for namespaces labelled
 * `pod-security.kubernetes.io/enforce: restricted`, as the real admission plugin refuses a pod
 * (403 Forbidden, naming each violation). The checks of the restricted profile that a pod spec
 * can break: https://kubernetes.io/docs/concepts/security/pod-security-standards/
 */

interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  seccompProfile?: { type?: string };
}
interface Container {
  name: string;
  securityContext?: SecurityContext;
  ports?: { hostPort?: number }[];
}
export interface PodSpec {
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: SecurityContext;
  containers?: Container[];
  initContainers?: Container[];
  volumes?: Record<string, unknown>[];
}

const ALLOWED_VOLUME_TYPES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
]);

/** The violations of the restricted profile, as sentences; empty when the pod may run. */
export function restrictedViolations(spec: PodSpec): string[] {
  const problems: string[] = [];
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC)
    problems.push('host namespaces (hostNetwork/hostPID/hostIPC)');
  const pod = spec.securityContext ?? {};
  for (const volume of spec.volumes ?? []) {
    const types = Object.keys(volume).filter((k) => k !== 'name');
    const bad = types.filter((t) => !ALLOWED_VOLUME_TYPES.has(t));
    if (bad.length > 0)
      problems.push(`volume "${String(volume.name)}" uses restricted volume type ${bad.join(', ')}`);
  }
  for (const container of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    const own = container.securityContext ?? {};
    const name = `container "${container.name}"`;
    if (own.privileged) problems.push(`${name} must not set securityContext.privileged=true`);
    if (own.allowPrivilegeEscalation !== false)
      problems.push(`${name} must set securityContext.allowPrivilegeEscalation=false`);
    if (!(own.capabilities?.drop ?? []).includes('ALL'))
      problems.push(`${name} must set securityContext.capabilities.drop=["ALL"]`);
    const added = (own.capabilities?.add ?? []).filter((c) => c !== 'NET_BIND_SERVICE');
    if (added.length > 0) problems.push(`${name} must not add capabilities ${added.join(', ')}`);
    if ((own.runAsNonRoot ?? pod.runAsNonRoot) !== true)
      problems.push(`${name} must set securityContext.runAsNonRoot=true`);
    if ((own.runAsUser ?? pod.runAsUser) === 0) problems.push(`${name} must not set runAsUser=0`);
    const seccomp = own.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (seccomp !== 'RuntimeDefault' && seccomp !== 'Localhost')
      problems.push(
        `${name} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
      );
    if ((container.ports ?? []).some((port) => port.hostPort)) problems.push(`${name} must not use hostPort`);
  }
  return problems;
}
