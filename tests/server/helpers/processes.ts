/** What runs under a process, read from /proc (Linux): how tests prove nothing was spawned or left. */
import { readdirSync, readFileSync } from 'node:fs';

interface ProcessEntry {
  pid: number;
  ppid: number;
  pgrp: number;
  /** The process group in the foreground of its terminal (-1 without one). */
  tpgid: number;
  command: string;
}

function readProcesses(): ProcessEntry[] {
  const entries: ProcessEntry[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // The command sits in parentheses and may itself contain spaces or parentheses.
      const close = stat.lastIndexOf(')');
      const command = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      entries.push({
        pid: Number(name),
        ppid: Number(fields[1]),
        pgrp: Number(fields[2]),
        tpgid: Number(fields[5]),
        command,
      });
    } catch {
      // The process ended between readdir and read: it is not running, which is all we need.
    }
  }
  return entries;
}

/** Every process below `pid` (children, their children, ...). */
export function descendantsOf(pid: number): ProcessEntry[] {
  const all = readProcesses();
  const found: ProcessEntry[] = [];
  let frontier = [pid];
  while (frontier.length > 0) {
    const children = all.filter((entry) => frontier.includes(entry.ppid));
    found.push(...children);
    frontier = children.map((entry) => entry.pid);
  }
  return found;
}

/** Shells (bash, sh, zsh) anywhere below this test process. */
export function shellsUnder(pid: number = process.pid): ProcessEntry[] {
  return descendantsOf(pid).filter((entry) => /^(bash|sh|zsh|dash)$/.test(entry.command));
}

/** True while the pid exists and is not a zombie. */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** The full command line of a process ('' once it is gone). */
export function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

/** Live processes of a process group (a stopped dev server's group must be empty). */
export function groupMembers(pgrp: number): ProcessEntry[] {
  return readProcesses().filter((entry) => entry.pgrp === pgrp && isRunning(entry.pid));
}

/**
 * True once a process with this exact command line is the foreground job of its terminal: only then
 * does a Ctrl-C reach it. Between bash's fork and its handing the terminal over, the signal goes to
 * bash alone, which lets a child that then exits normally carry on (bash's rule for programs that
 * catch SIGINT), so a Ctrl-C in that moment is lost in any terminal.
 */
export function inForeground(command: string): boolean {
  return readProcesses().some(
    (entry) => entry.pgrp === entry.tpgid && isRunning(entry.pid) && commandLine(entry.pid) === command,
  );
}
