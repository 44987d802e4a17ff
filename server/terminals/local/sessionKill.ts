/**
 * Ends a shell's whole session: job control moves background jobs into process groups of their
 * own, so killing the shell's group would leave them running. Every process whose session id is
 * the shell's pid gets HUP (what a closing terminal sends), then TERM, then KILL, each with a short
 * delay; stopped jobs get CONT so that they can act on the signal.
 */
import { readStat, sessionMembers } from './processTree';

export interface SessionKillResult {
  /** How many processes the session had when we began. */
  found: number;
  /** Processes still alive after KILL (not ours to signal, or stuck in the kernel). */
  survivors: number[];
}

export const KILL_DELAYS_MS = { afterHup: 150, afterTerm: 300, afterKill: 1000 } as const;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function killSession(session: number): Promise<SessionKillResult> {
  const steps: Array<[NodeJS.Signals, number]> = [
    ['SIGHUP', KILL_DELAYS_MS.afterHup],
    ['SIGTERM', KILL_DELAYS_MS.afterTerm],
    ['SIGKILL', KILL_DELAYS_MS.afterKill],
  ];
  const found = sessionMembers(session).length;
  for (const [signal, waitMs] of steps) {
    const members = sessionMembers(session).map((stat) => stat.pid);
    if (members.length === 0) return { found, survivors: [] };
    for (const pid of members) {
      signalQuietly(pid, signal);
      if (signal !== 'SIGKILL') signalQuietly(pid, 'SIGCONT');
    }
    if (await waitUntilGone(session, waitMs)) return { found, survivors: [] };
  }
  return { found, survivors: sessionMembers(session).map((stat) => stat.pid) };
}

async function waitUntilGone(session: number, waitMs: number): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    if (sessionMembers(session).length === 0) return true;
    if (Date.now() >= deadline) return false;
    await sleep(25);
  }
}

function signalQuietly(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch (error) {
    // ESRCH: it ended between the scan and the signal, which is what we want. EPERM (a setuid
    // child such as sudo): it is reported among the survivors instead.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ESRCH' && code !== 'EPERM') throw error;
  }
}

/** True when `pid` is alive and is the very process that started at `starttime` (no pid reuse). */
export function isSameProcess(pid: number, starttime: number): boolean {
  return readStat(pid)?.starttime === starttime;
}
