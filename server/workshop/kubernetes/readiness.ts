/**
 * Waiting for an attendee's pod to be Ready while the router holds their first connection, and
 * telling the page how long it has waited ("starting your workspace (n s)").
 */
import { TERMINAL_PATH } from '../../../src/protocol/messages';
import type { EndpointOptions, EndpointResult, WorkspaceEndpoint } from '../workspaceProvider';
import type { ClusterCache } from './clusterCache';
import { TERMINAL_PORT } from './options';
import { podState } from './podState';
import { POD_NAME } from './workspacePod';

type Failure = Extract<EndpointResult, { ok: false }>;

export async function waitForPod(
  cache: ClusterCache,
  namespace: string,
  started: number,
  timeoutMs: number,
  options: EndpointOptions,
): Promise<{ ok: true; podIP: string } | Failure> {
  const settled = await cache.until(
    () => {
      const pod = cache.pod(namespace, POD_NAME);
      const state = podState(pod);
      if (state.state === 'ready') return { ...state, podIP: pod?.status?.podIP ?? '' };
      return state.state === 'failed' ? { ...state, podIP: '' } : undefined;
    },
    {
      signal: options.signal,
      timeoutMs,
      tick: () => {
        const { detail } = podState(cache.pod(namespace, POD_NAME));
        options.onWaiting?.({ elapsedMs: Date.now() - started, detail: detail ?? 'starting your workspace' });
      },
    },
  );
  if (!settled) {
    const seconds = Math.round((Date.now() - started) / 1000);
    return options.signal?.aborted
      ? { ok: false, code: 'timeout', message: 'the connection went away while the workspace started' }
      : {
          ok: false,
          code: 'timeout',
          message: `the workspace pod was not ready after ${seconds} s; the instructor can check the cluster's events`,
        };
  }
  if (settled.state === 'failed')
    return { ok: false, code: 'failed', message: settled.failure ?? 'the workspace pod failed' };
  return { ok: true, podIP: settled.podIP };
}

/** The pod's own address: the terminal server accepts its own origin, which the router presents. */
export function endpointOf(podIP: string, token: string): WorkspaceEndpoint {
  const host = podIP.includes(':') ? `[${podIP}]` : podIP;
  return {
    url: `ws://${host}:${TERMINAL_PORT}${TERMINAL_PATH}`,
    token,
    origin: `http://${host}:${TERMINAL_PORT}`,
  };
}
