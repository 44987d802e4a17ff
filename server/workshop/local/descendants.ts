/**
 * Every process below a workspace's first one, read from the host's /proc. A sandbox's processes
 * die with its pid namespace, but asynchronously: stopping waits for each of them, so "stopped"
 * means no process of the workspace is left, not that one is about to go.
 */
import { readdirSync } from 'node:fs';
import { readStat } from '../../terminals/local/processTree';

export interface ProcessIdentity {
  readonly pid: number;
  readonly startTime: number;
}

export function descendantsOf(root: number): ProcessIdentity[] {
  const parents = new Map<number, number>();
  const startTimes = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (!stat) continue;
    parents.set(pid, stat.ppid);
    startTimes.set(pid, stat.starttime);
  }
  const result: ProcessIdentity[] = [];
  for (const pid of parents.keys()) {
    for (let parent = parents.get(pid); parent !== undefined && parent > 1; parent = parents.get(parent)) {
      if (parent === root) {
        result.push({ pid, startTime: startTimes.get(pid) ?? 0 });
        break;
      }
    }
  }
  return result;
}

function alive(process: ProcessIdentity): boolean {
  const stat = readStat(process.pid);
  return stat !== undefined && stat.starttime === process.startTime && stat.state !== 'Z';
}

/** Waits for each to be gone; what is still there after `graceMs` gets SIGKILL. */
export async function waitUntilGone(processes: readonly ProcessIdentity[], graceMs = 3_000): Promise<void> {
  const deadline = Date.now() + graceMs;
  let left = processes.filter(alive);
  while (left.length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    left = left.filter(alive);
  }
  for (const survivor of left) {
    try {
      process.kill(survivor.pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
}
