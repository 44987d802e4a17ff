/** A TerminalProcess on this machine: node-pty, with `/proc` for the questions node-pty cannot answer. */
import * as pty from 'node-pty';
import { foregroundGroup, readStat, waitsForTerminalInput } from './processTree';
import { killSession } from './sessionKill';
import type { Disposable, ProcessExit, SpawnRequest, TerminalProcess } from './terminalProcess';

export function spawnPty(request: SpawnRequest): TerminalProcess {
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
  const wrap = (subscription: { dispose(): void }): Disposable => subscription;

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
    onData: (listener) => wrap(child.onData(listener)),
    onExit: (listener) =>
      wrap(
        child.onExit(({ exitCode, signal }) =>
          listener({
            code: signal ? null : exitCode,
            signal: signal ?? null,
          } satisfies ProcessExit),
        ),
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
