/**
 * A cgroup per seat: the whole workspace (its terminal server, the sandbox, every shell and all they
 * start) shares one memory cap and one process cap. Per-process rlimits cannot give that: ten
 * processes under a 2 GiB data limit hold 20 GiB. cgroup v2 when the unified hierarchy offers the
 * memory controller, else v1's memory and pids hierarchies. The seats' cgroups are made under the
 * server's own, so whatever limits the server (a VM's slice, a container) limits its workspaces too.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { findCgroupRoots, type CgroupRoots } from './cgroupRoots';
import type { WorkspaceLimits } from './limits';
import { hierarchiesOf, type Hierarchy, type SeatCgroupLimits } from './seatCgroupFiles';

/** One seat's cgroup: every directory whose `cgroup.procs` takes the workspace's first process. */
export interface SeatCgroup {
  readonly dirs: readonly string[];
  /** Moves a process in; what it starts afterwards is born inside. */
  add(pid: number): void;
  /** The processes inside now (to end what escaped the process group). */
  pids(): number[];
}

export interface SeatCgroups {
  readonly kind: CgroupRoots['kind'];
  /** Said at start when no cgroup can be made here: what is then not enforced. */
  readonly warning?: string;
  /** This workshop's folder in each hierarchy (none without cgroups). */
  readonly folders: readonly string[];
  /** Makes the seat's cgroup (again) with the limits; null when cgroups are not in use. */
  prepare(seat: number): SeatCgroup | null;
  /**
   * Ends every process still in the seat's cgroup (one that left the process group is still
   * inside) and removes the cgroup. Resolves false if something would not go within `graceMs`.
   */
  end(seat: number, graceMs?: number): Promise<boolean>;
  /** The seats that have a cgroup now (left by a killed server, or running). */
  seats(): number[];
  /** Removes this workshop's (empty) folder of cgroups: the server is going away. */
  close(): void;
}

const SEAT_DIR = /^seat-(\d+)$/;

/** The workshop of `dataDir`: one folder of cgroups per data directory, so two workshops on one machine keep apart. */
export function seatCgroupsFor(dataDir: string, limits: WorkspaceLimits): SeatCgroups {
  const name = `rw-workshop-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`;
  return openSeatCgroups(name, {
    memoryBytes: limits.workspaceMemoryBytes,
    processes: limits.processes,
    cpus: limits.cpus,
  });
}

/**
 * `name` is this workshop's folder under the server's cgroup (one per data directory, so two
 * workshops on one machine keep apart). `roots` is found from /proc unless a test gives its own.
 */
export function openSeatCgroups(
  name: string,
  limits: SeatCgroupLimits,
  roots: CgroupRoots = findCgroupRoots(),
): SeatCgroups {
  if (roots.kind === 'none') return { kind: 'none', warning: noCgroupWarning(roots.reason), ...NO_SEATS };
  const wanted = hierarchiesOf(roots, name, limits);
  const hierarchies: Hierarchy[] = [];
  let cpuProblem = roots.kind === 'v1' && !roots.cpu ? 'no cgroup v1 cpu hierarchy is mounted' : undefined;
  try {
    for (const hierarchy of wanted) {
      try {
        mkdirSync(hierarchy.base, { recursive: true });
        hierarchies.push(hierarchy);
      } catch (error) {
        if (!hierarchy.cpuOnly) throw error;
        cpuProblem = `cannot write ${hierarchy.base}: ${messageOf(error)}`;
      }
    }
    if (roots.kind === 'v2') {
      // A v2 child gets controllers only when its parent delegates them.
      writeFileSync(path.join(roots.dir, 'cgroup.subtree_control'), '+memory +pids');
      writeFileSync(path.join(hierarchies[0]!.base, 'cgroup.subtree_control'), '+memory +pids');
      cpuProblem = delegateCpu([roots.dir, hierarchies[0]!.base]);
    }
  } catch (error) {
    const where = wanted
      .filter((hierarchy) => !hierarchy.cpuOnly)
      .map((h) => h.base)
      .join(', ');
    return {
      kind: 'none',
      warning: noCgroupWarning(`cannot write ${where}: ${messageOf(error)}`),
      ...NO_SEATS,
    };
  }
  const seatDirs = (seat: number) => hierarchies.map(({ base }) => path.join(base, `seat-${seat}`));

  return {
    kind: roots.kind,
    warning: cpuProblem === undefined ? undefined : noCpuWarning(cpuProblem),
    folders: hierarchies.map(({ base }) => base),
    prepare(seat) {
      for (const { base, files } of hierarchies) {
        const dir = path.join(base, `seat-${seat}`);
        mkdirSync(dir, { recursive: true });
        for (const [file, value, required] of files) {
          // Swap files exist only where the kernel accounts swap.
          if (required || existsSync(path.join(dir, file))) writeFileSync(path.join(dir, file), value);
        }
      }
      const dirs = seatDirs(seat);
      return {
        dirs,
        add: (pid) => dirs.forEach((dir) => writeFileSync(path.join(dir, 'cgroup.procs'), String(pid))),
        pids: () => pidsIn(dirs),
      };
    },
    async end(seat, graceMs = 5_000) {
      const dirs = seatDirs(seat);
      const deadline = Date.now() + graceMs;
      for (;;) {
        for (const pid of pidsIn(dirs)) signal(pid);
        if (removeAll(dirs)) return true;
        if (Date.now() > deadline) return false;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    seats() {
      const found = new Set<number>();
      for (const { base } of hierarchies)
        for (const entry of safeList(base)) {
          const seat = SEAT_DIR.exec(entry)?.[1];
          if (seat !== undefined) found.add(Number(seat));
        }
      return [...found].sort((a, b) => a - b);
    },
    close: () => void removeAll(hierarchies.map(({ base }) => base)),
  };
}

const NO_SEATS = {
  folders: [],
  prepare: () => null,
  end: () => Promise.resolve(true),
  seats: () => [],
  close: () => undefined,
};

/** True once none of the folders is left; EBUSY (a process still exiting) leaves it for the next try. */
function removeAll(dirs: readonly string[]): boolean {
  let gone = true;
  for (const dir of dirs) {
    try {
      if (existsSync(dir)) rmdirSync(dir);
    } catch {
      gone = false;
    }
  }
  return gone;
}

function signal(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Gone already.
  }
}

/** Asks each folder, top down, to hand the cpu controller to its children; says why not when it cannot. */
function delegateCpu(folders: readonly string[]): string | undefined {
  try {
    for (const folder of folders) writeFileSync(path.join(folder, 'cgroup.subtree_control'), '+cpu');
    return undefined;
  } catch (error) {
    return `the cpu controller cannot be delegated: ${messageOf(error)}`;
  }
}

function pidsIn(dirs: readonly string[]): number[] {
  const found = new Set<number>();
  for (const dir of dirs) {
    try {
      for (const line of readFileSync(path.join(dir, 'cgroup.procs'), 'utf8').split('\n'))
        if (/^\d+$/.test(line)) found.add(Number(line));
    } catch {
      // Removed meanwhile: nothing inside.
    }
  }
  return [...found];
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function noCgroupWarning(reason: string): string {
  return (
    `no cgroup per seat (${reason}): each attendee's memory is capped per process only (prlimit), ` +
    'not for the whole workspace, their processes only as a user per seat (run as root), ' +
    "and their CPU time not at all: one attendee's busy loop slows the room. " +
    'Run as root on a machine with writable cgroups (v2 with the memory controller, or v1) for both.'
  );
}

function noCpuWarning(reason: string): string {
  return (
    `no CPU cap per seat (${reason}): memory and processes are capped per seat, but one attendee's ` +
    'busy loop or flood can take the CPU the room and this server need. Run as root on a host that ' +
    'lets this server write cgroups with the cpu controller.'
  );
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
