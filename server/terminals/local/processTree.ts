/**
 * What Linux `/proc` says about the processes of a terminal: their session, the terminal's
 * foreground process group, and whether that group waits for keyboard input.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface ProcStat {
  pid: number;
  state: string;
  ppid: number;
  pgrp: number;
  session: number;
  /** The foreground process group of the process's controlling terminal. */
  tpgid: number;
  /** Clock ticks after boot: with the pid, identifies a process across pid reuse. */
  starttime: number;
}

/** Undefined when the process is gone (or never was). */
export function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // the process is gone: that is an answer, not an error
  }
  // The command name is in parentheses and may itself contain spaces or parentheses.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const num = (index: number) => Number(fields[index]);
  return {
    pid,
    state: fields[0] ?? '?',
    ppid: num(1),
    pgrp: num(2),
    session: num(3),
    tpgid: num(5),
    starttime: num(19),
  };
}

export function allProcesses(): ProcStat[] {
  const stats: ProcStat[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.push(stat);
  }
  return stats;
}

/** Every live process of a session, whatever process group job control put it in. */
export function sessionMembers(session: number): ProcStat[] {
  return allProcesses().filter((stat) => stat.session === session && stat.state !== 'Z');
}

/** The foreground process group of the shell's terminal, if the shell is still there. */
export function foregroundGroup(shellPid: number): number | undefined {
  const stat = readStat(shellPid);
  return stat && stat.tpgid > 0 ? stat.tpgid : undefined;
}

// read/readv/pread64 on x86_64 (0, 19, 17) and aarch64 (63, 65, 67).
const READ_SYSCALLS = new Set([0, 17, 19, 63, 65, 67]);

/**
 * Whether a process of the terminal's foreground group sits in a blocking read of the terminal
 * itself (crc's pull-secret prompt, `read -p`, `cat`). `/proc/<tid>/syscall` names the syscall and
 * its fd; where the kernel hides it, the wait channel of a tty read (`n_tty_read`, or
 * `wait_woken` on newer kernels, as verified on this machine) stands in.
 */
export function waitsForTerminalInput(shellPid: number): boolean {
  const group = foregroundGroup(shellPid);
  if (group === undefined) return false;
  const tty = linkTarget(`/proc/${shellPid}/fd/0`);
  const members =
    group === shellPid
      ? [shellPid]
      : allProcesses()
          .filter((s) => s.pgrp === group)
          .map((s) => s.pid);
  return members.some((pid) => tasksOf(pid).some((tid) => taskReadsTerminal(pid, tid, tty)));
}

function tasksOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).map(Number);
  } catch {
    return [];
  }
}

function taskReadsTerminal(pid: number, tid: number, tty: string | undefined): boolean {
  const base = `/proc/${pid}/task/${tid}`;
  const syscall = readText(`${base}/syscall`);
  if (syscall !== undefined) {
    const [number, fdHex] = syscall.trim().split(' ');
    if (!READ_SYSCALLS.has(Number(number)) || fdHex === undefined) return false;
    const target = linkTarget(`/proc/${pid}/fd/${Number.parseInt(fdHex, 16)}`);
    return tty !== undefined && target === tty;
  }
  const wchan = readText(`${base}/wchan`);
  return wchan === 'n_tty_read' || wchan === 'wait_woken';
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // gone or not ours to read: the caller falls back
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
}
