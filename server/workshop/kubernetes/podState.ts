/** What a pod's status means for a workspace: starting, ready, stopped or failed (with why). */
import type { V1Pod } from '@kubernetes/client-node';
import type { WorkspaceState } from '../workspaceProvider';

/** Waiting reasons that will not fix themselves without someone acting. */
const STUCK = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'CrashLoopBackOff',
  'RunContainerError',
  'CreateContainerError',
]);

export interface PodState {
  readonly state: WorkspaceState;
  readonly failure?: string;
  /** What it waits for, for the page's "starting your workspace" line. */
  readonly detail?: string;
}

export function podState(pod: V1Pod | undefined): PodState {
  if (!pod || pod.metadata?.deletionTimestamp) return { state: 'stopped' };
  const status = pod.status;
  const container = status?.containerStatuses?.[0];
  if (status?.phase === 'Failed' || status?.phase === 'Succeeded') {
    const ended = container?.state?.terminated;
    // The container's last words (its termination message, or its log's tail), if the cluster kept them.
    const said = ended?.message?.trim().split('\n').at(-1)?.slice(0, 200);
    const why =
      status.reason === 'DeadlineExceeded'
        ? 'the workshop expired'
        : `exit code ${ended?.exitCode ?? '?'}${said ? `: ${said}` : ''}`;
    return {
      state: 'failed',
      failure: `the workspace pod ended (${why}); it is started again on the next connection`,
    };
  }
  const waiting = container?.state?.waiting;
  if (waiting?.reason && STUCK.has(waiting.reason)) {
    return {
      state: 'failed',
      failure: `the workspace pod cannot start: ${waiting.reason}${waiting.message ? ` (${waiting.message})` : ''}; check the --image and the cluster's events`,
    };
  }
  if (status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') && status.podIP)
    return { state: 'ready' };
  const scheduled = status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'True');
  const detail = !scheduled
    ? 'waiting for the scheduler'
    : waiting?.reason === 'ContainerCreating' || !container
      ? 'pulling the image and starting the container'
      : 'waiting for the terminal server to answer';
  return { state: 'starting', detail };
}

export function isReady(pod: V1Pod | undefined): boolean {
  return podState(pod).state === 'ready';
}
