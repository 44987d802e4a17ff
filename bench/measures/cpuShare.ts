/**
 * Who did the work while output streamed: CPU time of each process, as a share of one core, over a
 * window. The browser's processes are found by its profile directory (in the command line of the
 * browser process; its children below it), the server's by its pid (its shells below it).
 */
import { commandLine, cpuMs, descendants, processesWith } from '../targets/processInfo';

export type CpuShares = Record<string, number>;

/** Which part of the machine a process is, by its command line. */
function groupOf(pid: number, serverPid: number, browserPids: Set<number>): string {
  if (pid === serverPid) return 'server';
  if (!browserPids.has(pid)) return 'shell and its commands';
  const command = commandLine(pid);
  if (command.includes('--type=renderer')) return 'page (Chromium renderer)';
  if (command.includes('--type=')) return 'Chromium GPU and utility processes';
  return 'Chromium browser process';
}

/** Starts counting; the function it returns ends the window and gives each group's share of one core, in %. */
export function measureCpuShares(serverPid: number, profileDir: string): () => CpuShares {
  const pids = () => {
    const roots = processesWith(`--user-data-dir=${profileDir}`).filter(
      (pid) => !commandLine(pid).includes('--type='),
    );
    const browser = new Set(roots.flatMap((root) => [root, ...descendants(root)]));
    return { browser, all: [serverPid, ...descendants(serverPid), ...browser] };
  };
  const start = pids();
  const before = new Map(start.all.map((pid) => [pid, cpuMs(pid)]));
  const startedAt = performance.now();
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const now = pids();
    const shares: CpuShares = {};
    const browser = new Set([...start.browser, ...now.browser]);
    for (const pid of new Set([...start.all, ...now.all])) {
      const group = groupOf(pid, serverPid, browser);
      // A process gone by now reads 0: it is left out rather than counted negative.
      const used = Math.max(0, cpuMs(pid) - (before.get(pid) ?? 0));
      shares[group] = (shares[group] ?? 0) + used;
    }
    for (const group of Object.keys(shares)) shares[group] = (shares[group] ?? 0) / 10 / seconds;
    return shares;
  };
}

export function formatCpuShares(title: string, shares: CpuShares): string {
  const rows = Object.entries(shares).sort((a, b) => b[1] - a[1]);
  return [title, ...rows.map(([group, share]) => `  ${share.toFixed(0).padStart(4)} %  ${group}`)].join('\n');
}
