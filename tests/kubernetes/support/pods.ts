/** Small helpers the Kubernetes tests share. */
import type { V1Pod } from '@kubernetes/client-node';
import { HOME, TERMINAL_ARGS, TOKEN_DIR } from '../../../server/workshop/kubernetes/workspacePod';

/** Polls a condition (a cluster is eventually consistent) until it holds; never a fixed sleep. */
export async function waitUntil<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 60_000,
  what = 'a condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A pod that passes the restricted profile and runs our terminal server as the provider's pod does
 * (the same arguments), with the tokens of a Secret holding `token` and `audience-token`.
 */
export function restrictedPod(name: string, secretName: string): V1Pod {
  return {
    metadata: { name },
    spec: {
      volumes: [
        { name: 'token', secret: { secretName } },
        { name: 'home', emptyDir: {} },
      ],
      containers: [
        {
          name: 'terminal',
          image: 'runnable-walkthrough/terminal:test',
          args: [...TERMINAL_ARGS],
          env: [{ name: 'HOME', value: HOME }],
          volumeMounts: [
            { name: 'token', mountPath: TOKEN_DIR },
            { name: 'home', mountPath: HOME },
          ],
          securityContext: {
            runAsNonRoot: true,
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            seccompProfile: { type: 'RuntimeDefault' },
          },
        },
      ],
    },
  };
}
