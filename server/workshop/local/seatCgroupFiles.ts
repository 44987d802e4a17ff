/**
 * Which cgroup hierarchies a seat's cgroup spans and the limit files it gets in each: memory and
 * processes, which the seat cannot do without (seatCgroups.ts starts no cgroup at all otherwise), and
 * CPU time, which it can (a host may not delegate the cpu controller; then the server says so).
 */
import path from 'node:path';
import type { CgroupRoots } from './cgroupRoots';

export interface SeatCgroupLimits {
  /** Bytes of memory the whole workspace may use; past it the kernel's OOM killer ends its largest process. */
  readonly memoryBytes: number;
  /** Processes (and threads) in the whole workspace. */
  readonly processes: number;
  /** CPUs' worth of time the whole workspace may use: past it the kernel makes it wait its turn. */
  readonly cpus: number;
}

/** [file, value, required]: a file that is not required is written only where the kernel has it. */
export type LimitFile = [file: string, value: string, required: boolean];

export interface Hierarchy {
  /** This workshop's folder in the hierarchy: a folder per seat goes under it. */
  readonly base: string;
  readonly files: LimitFile[];
  /** Caps CPU only: the seat goes on without it when it cannot be made. */
  readonly cpuOnly?: boolean;
}

/** The kernel's default scheduling period: the quota is this many microseconds times the CPUs. */
const CPU_PERIOD_US = 100_000;
/** The kernel refuses a quota under 1 ms. */
const MIN_QUOTA_US = 1_000;

export function cpuQuotaUs(cpus: number): number {
  return Math.max(MIN_QUOTA_US, Math.round(cpus * CPU_PERIOD_US));
}

export function hierarchiesOf(
  roots: Exclude<CgroupRoots, { kind: 'none' }>,
  name: string,
  limits: SeatCgroupLimits,
): Hierarchy[] {
  const memory = String(limits.memoryBytes);
  const processes = String(limits.processes);
  const quota = cpuQuotaUs(limits.cpus);
  if (roots.kind === 'v2')
    return [
      {
        base: path.join(roots.dir, name),
        files: [
          ['memory.max', memory, true],
          // Swap would let a runaway outlive its cap, slowly, taking the disk with it.
          ['memory.swap.max', '0', false],
          ['pids.max', processes, true],
          // Present only where the cpu controller was delegated (seatCgroups.ts asks for it).
          ['cpu.max', `${quota} ${CPU_PERIOD_US}`, false],
        ],
      },
    ];
  const found: Hierarchy[] = [
    {
      base: path.join(roots.memory, name),
      files: [
        ['memory.limit_in_bytes', memory, true],
        ['memory.memsw.limit_in_bytes', memory, false],
      ],
    },
  ];
  if (roots.pids) found.push({ base: path.join(roots.pids, name), files: [['pids.max', processes, true]] });
  if (roots.cpu)
    found.push({
      base: path.join(roots.cpu, name),
      files: [
        ['cpu.cfs_period_us', String(CPU_PERIOD_US), true],
        ['cpu.cfs_quota_us', String(quota), true],
      ],
      cpuOnly: true,
    });
  return found;
}
