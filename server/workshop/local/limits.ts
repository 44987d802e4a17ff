/**
 * Per-attendee resource limits, as `prlimit` (util-linux) applies them to the workspace's first
 * process and everything it starts. Processes are counted per real user: with a server running as
 * root each workspace runs as a user of its own (see `workspaceUid`), so the count is the attendee's;
 * without root all workspaces share the server's user and a per-attendee count would count the
 * server too, so it is left out (and the server says so at start).
 */
export interface WorkspaceLimits {
  /** Processes (and threads) of the workspace's user. */
  readonly processes: number;
  /** Bytes of writable data one process may map (RLIMIT_DATA): what runs away with memory stops there. */
  readonly memoryBytes: number;
  /** The largest file a process may write. */
  readonly fileBytes: number;
  /** Memory of the whole workspace, all its processes together (a cgroup per seat, where one can be made). */
  readonly workspaceMemoryBytes: number;
  /**
   * CPUs' worth of time the whole workspace may use (its cgroup's quota): one attendee's busy loop
   * or flood slows their own workspace, not the room's nor the server that serves the room.
   */
  readonly cpus: number;
}

export const DEFAULT_LIMITS: WorkspaceLimits = {
  processes: 256,
  memoryBytes: 2 * 1024 ** 3,
  fileBytes: 1024 ** 3,
  workspaceMemoryBytes: 2 * 1024 ** 3,
  // As a workspace pod's limit in Kubernetes (kubernetes/options.ts).
  cpus: 1,
};

export const PRLIMIT = '/usr/bin/prlimit';

export function prlimitArguments(limits: WorkspaceLimits, perUser: boolean): string[] {
  const args = [`--data=${limits.memoryBytes}`, `--fsize=${limits.fileBytes}`, '--core=0'];
  if (perUser) args.push(`--nproc=${limits.processes}`);
  args.push('--');
  return args;
}

/** Seat users start here: far above any uid a distribution hands out to people or services. */
const FIRST_WORKSPACE_UID = 600_000;

export function workspaceUid(seatNumber: number): number {
  return FIRST_WORKSPACE_UID + seatNumber;
}

export function runsAsRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
