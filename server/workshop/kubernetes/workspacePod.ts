/**
 * The attendee's pod: our terminal server (the same code as on a laptop) started with the token
 * its Secret holds, under the restricted profile: non-root, no privilege escalation, no
 * capabilities, RuntimeDefault seccomp, a read-only root file system with HOME and /tmp writable.
 * No runAsUser or fsGroup: the image's numeric USER serves on Kubernetes, and OpenShift's
 * restricted-v2 SCC picks the namespace's own UID range (a fixed one would be refused there).
 */
import type { V1Pod } from '@kubernetes/client-node';
import { ANNOTATION, ownerLabels } from './labels';
import { ATTENDEE_ACCOUNT, AUDIENCE_KEY, TOKEN_KEY, TOKEN_SECRET } from './namespaceObjects';
import { TERMINAL_PORT, type KubernetesProviderOptions } from './options';

export const POD_NAME = 'workspace';
export const HOME = '/home/attendee';
export const TOKEN_DIR = '/var/run/workspace';

/** The terminal server's command line in the pod: one source, which the simulated cluster's tests run too. */
export const TERMINAL_ARGS: readonly string[] = [
  'terminals',
  '--host',
  '0.0.0.0',
  '--allow-remote',
  '--port',
  String(TERMINAL_PORT),
  '--token-file',
  `${TOKEN_DIR}/${TOKEN_KEY}`,
  '--audience-token-file',
  `${TOKEN_DIR}/${AUDIENCE_KEY}`,
];

export interface PodOwner {
  readonly attendeeId?: string;
  readonly displayName?: string;
}

export function workspacePod(owner: PodOwner, options: KubernetesProviderOptions): V1Pod {
  const { pod, home } = options.resources;
  const deadline =
    options.podLifetimeMs === undefined ? undefined : Math.max(60, Math.ceil(options.podLifetimeMs / 1000));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: POD_NAME,
      labels: ownerLabels(options.workshopId, owner.attendeeId),
      annotations: owner.displayName === undefined ? {} : { [ANNOTATION.displayName]: owner.displayName },
    },
    spec: {
      restartPolicy: 'Never',
      ...(deadline === undefined ? {} : { activeDeadlineSeconds: deadline }),
      enableServiceLinks: false,
      automountServiceAccountToken: options.attendeeAccess,
      ...(options.attendeeAccess ? { serviceAccountName: ATTENDEE_ACCOUNT } : {}),
      securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
      containers: [
        {
          name: 'terminal',
          image: options.image,
          args: [...TERMINAL_ARGS],
          env: [
            { name: 'HOME', value: HOME },
            { name: 'TMPDIR', value: '/tmp' },
          ],
          workingDir: HOME,
          // A terminal server that cannot start says why on stderr: the pod's status then carries it.
          terminationMessagePolicy: 'FallbackToLogsOnError',
          ports: [{ name: 'terminal', containerPort: TERMINAL_PORT, protocol: 'TCP' }],
          readinessProbe: { tcpSocket: { port: TERMINAL_PORT }, periodSeconds: 2, failureThreshold: 3 },
          resources: {
            requests: { cpu: pod.cpu, memory: pod.memory },
            limits: { cpu: pod.cpuLimit, memory: pod.memoryLimit },
          },
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            readOnlyRootFilesystem: true,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
          volumeMounts: [
            { name: 'token', mountPath: TOKEN_DIR, readOnly: true },
            { name: 'home', mountPath: HOME },
            { name: 'tmp', mountPath: '/tmp' },
          ],
        },
      ],
      volumes: [
        // 0444: readable by whatever UID the pod gets (OpenShift assigns one). The token opens only this
        // attendee's own terminals, and the NetworkPolicy lets only the workshop server reach them.
        { name: 'token', secret: { secretName: TOKEN_SECRET, defaultMode: 0o444 } },
        { name: 'home', emptyDir: { sizeLimit: home } },
        { name: 'tmp', emptyDir: { sizeLimit: '256Mi' } },
      ],
    },
  };
}
