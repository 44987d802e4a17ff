/**
 * Shells must not outlive their server, even one killed with SIGKILL. Each server keeps a state
 * file naming itself and its shells (pid + start time, so that a reused pid is never mistaken for
 * ours); a server that starts finds the files of servers that are gone and ends their sessions.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readStat } from './processTree';
import { isSameProcess, killSession } from './sessionKill';

interface ProcessRecord {
  pid: number;
  starttime: number;
}

interface StateFile {
  server: ProcessRecord;
  shells: Array<ProcessRecord & { name: string }>;
}

export interface OrphanReport {
  /** Sessions of dead servers that were ended. */
  sessionsEnded: number;
  /** Processes that would not die (reported, not hidden). */
  survivors: number[];
}

const PREFIX = 'server-';

export class OrphanRegistry {
  private readonly file: string;
  private readonly shells = new Map<number, ProcessRecord & { name: string }>();
  private readonly server: ProcessRecord;
  private disposed = false;

  constructor(
    stateDir: string,
    private readonly warn: (message: string) => void,
  ) {
    mkdirSync(stateDir, { recursive: true, mode: 0o700 });
    this.server = { pid: process.pid, starttime: readStat(process.pid)?.starttime ?? 0 };
    this.file = path.join(stateDir, `${PREFIX}${process.pid}.json`);
  }

  add(name: string, pid: number, starttime: number): void {
    this.shells.set(pid, { name, pid, starttime });
    this.save();
  }

  remove(pid: number): void {
    if (this.shells.delete(pid)) this.save();
  }

  dispose(): void {
    this.disposed = true;
    rmSync(this.file, { force: true });
  }

  private save(): void {
    if (this.disposed) return;
    const state: StateFile = { server: this.server, shells: [...this.shells.values()] };
    try {
      writeFileSync(this.file, JSON.stringify(state), { mode: 0o600 });
    } catch (error) {
      this.warn(
        `cannot record shells in ${this.file} (a killed server could leave them running): ${String(error)}`,
      );
    }
  }
}

/** Ends what servers that died (state file present, server process gone) left running. */
export async function endOrphans(stateDir: string): Promise<OrphanReport> {
  const report: OrphanReport = { sessionsEnded: 0, survivors: [] };
  let entries: string[];
  try {
    entries = readdirSync(stateDir).filter((entry) => entry.startsWith(PREFIX) && entry.endsWith('.json'));
  } catch {
    return report; // no state directory yet: no server ever ran here
  }
  for (const entry of entries) {
    const file = path.join(stateDir, entry);
    const state = readState(file);
    if (!state) {
      rmSync(file, { force: true });
      continue;
    }
    if (state.server.pid === process.pid || isSameProcess(state.server.pid, state.server.starttime)) continue;
    for (const shell of state.shells) {
      // The session id stays the shell's pid after the shell itself died: its children keep it.
      // A live process with that pid that is not our shell means the id was reused: hands off.
      const holder = readStat(shell.pid);
      if (holder && holder.starttime !== shell.starttime) continue;
      const result = await killSession(shell.pid);
      if (result.found > 0) report.sessionsEnded += 1;
      report.survivors.push(...result.survivors);
    }
    rmSync(file, { force: true });
  }
  return report;
}

function readState(file: string): StateFile | undefined {
  try {
    const state = JSON.parse(readFileSync(file, 'utf8')) as StateFile;
    return Array.isArray(state.shells) && typeof state.server?.pid === 'number' ? state : undefined;
  } catch {
    return undefined; // half-written or foreign: nothing in it we could trust
  }
}
