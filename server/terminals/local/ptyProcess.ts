/** A shell on this machine: node-pty, with `/proc` for the questions node-pty cannot answer. */
import * as pty from 'node-pty';
import type { ProcessExit, ShellProcess } from '../core/shellHost';
import { foregroundGroup, readStat, waitsForTerminalInput } from './processTree';
import { killSession } from './sessionKill';

export interface SpawnRequest {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols: number;
  rows: number;
}

/** What node-pty gives the local host: a shell process, before the host adds step staging. */
export interface PtyShell extends Omit<ShellProcess, 'stageStep'> {
  readonly pid: number;
  /** With `pid`, identifies the process across pid reuse (orphan records); 0 if unknown. */
  readonly startTime: number;
}

export function spawnPty(request: SpawnRequest): PtyShell {
  const child = pty.spawn(request.file, request.args, {
    name: 'xterm-256color',
    cols: request.cols,
    rows: request.rows,
    cwd: request.cwd,
    env: request.env,
  });
  const pid = child.pid;
  const startTime = readStat(pid)?.starttime ?? 0;
  // Set when ending starts too: a write racing the pty's close would only log EBADF.
  let exited = false;
  child.onExit(() => {
    exited = true;
  });

  return {
    pid,
    startTime,
    write: (data) => {
      if (!exited) child.write(data);
    },
    resize: (cols, rows) => {
      if (!exited) child.resize(cols, rows);
    },
    pause: () => child.pause(),
    resume: () => child.resume(),
    onData: (listener) => child.onData(listener),
    onExit: (listener) =>
      child.onExit(({ exitCode, signal }) =>
        listener({ code: signal ? null : exitCode, signal: signal ?? null } satisfies ProcessExit),
      ),
    signalForeground: (signal) => {
      const group = foregroundGroup(pid);
      if (group === undefined || group === pid) return false;
      try {
        process.kill(-group, signal);
        return true;
      } catch {
        return false; // the job ended meanwhile: nothing left to stop
      }
    },
    waitsForInput: () => waitsForTerminalInput(pid),
    terminate: async () => {
      exited = true;
      // The shell's pid is its session id (node-pty calls setsid): the session outlives the shell.
      await killSession(pid);
    },
  };
}
