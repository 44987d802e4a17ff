/**
 * One workspace's process: our own terminal server (`cli terminals`), started for one attendee,
 * inside the sandbox and under the limits, listening on a loopback port with tokens of its own
 * that only the router ever sees. It prints one JSON line when it listens; that line is the endpoint.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../../log';
import { readStat } from '../../terminals/local/processTree';
import { descendantsOf, waitUntilGone } from './descendants';
import type { SeatCgroup } from './seatCgroups';

/** How the workshop server starts a terminal server: `node … terminalsCli.cjs terminals`. */
export interface TerminalServerCommand {
  readonly file: string;
  readonly args: readonly string[];
}

export interface WorkspaceLaunch {
  /** Everything before the terminal server's own command (prlimit, bwrap and their arguments). */
  readonly wrapper: readonly string[];
  readonly command: TerminalServerCommand;
  readonly home: string;
  readonly env: Record<string, string>;
  /** Set when the server runs as root: the workspace runs as this user and group. */
  readonly uid?: number;
  readonly startTimeoutMs: number;
  /** The seat's cgroup: the first process is moved in before it runs anything, so all it starts is inside. */
  readonly cgroup?: SeatCgroup | null;
}

/**
 * Waits for one line on stdin, then becomes the workspace: the server moves it into its cgroup in
 * between, so not even prlimit or bwrap runs outside (a process forked before the move would stay out).
 */
const CGROUP_GATE = ['/bin/sh', '-c', 'read -r go || exit 1; exec "$@" </dev/null', 'sh'];

export interface RunningWorkspace {
  readonly pid: number;
  readonly startTime: number;
  readonly wsUrl: string;
  readonly token: string;
  readonly audienceToken: string;
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

export async function startWorkspaceProcess(launch: WorkspaceLaunch, log: Logger): Promise<RunningWorkspace> {
  const terminalArgs = [
    'terminals',
    '--host',
    '127.0.0.1',
    '--port',
    '0',
    '--audience',
    '--cwd',
    launch.home,
  ];
  const program = [...launch.wrapper, launch.command.file, ...launch.command.args, ...terminalArgs];
  const [file, ...args] = launch.cgroup ? [...CGROUP_GATE, ...program] : program;
  const child = spawn(file ?? launch.command.file, args, {
    cwd: launch.home,
    env: launch.env,
    // Its own process group: stopping it reaches what it started even without the sandbox.
    detached: true,
    stdio: [launch.cgroup ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    ...(launch.uid === undefined ? {} : { uid: launch.uid, gid: launch.uid }),
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4000);
  });
  child.once('error', (error) => log.warn(`workspace process: ${error.message}`));
  const pid = child.pid;
  try {
    if (launch.cgroup && pid !== undefined) enterCgroup(child, pid, launch.cgroup);
    const line = await firstLine(child, launch.startTimeoutMs, () => stderr);
    const printed = JSON.parse(line) as { wsUrl?: unknown; token?: unknown; audienceToken?: unknown };
    if (
      typeof printed.wsUrl !== 'string' ||
      typeof printed.token !== 'string' ||
      typeof printed.audienceToken !== 'string' ||
      pid === undefined
    )
      throw new Error(`the terminal server printed an unexpected line: ${line.slice(0, 200)}`);
    child.stdout?.resume();
    return {
      pid,
      startTime: readStat(pid)?.starttime ?? 0,
      wsUrl: printed.wsUrl,
      token: printed.token,
      audienceToken: printed.audienceToken,
      child,
      exited,
    };
  } catch (error) {
    if (pid !== undefined) await endProcessGroup(pid, exited);
    throw error;
  }
}

function enterCgroup(child: ChildProcess, pid: number, cgroup: SeatCgroup): void {
  child.stdin?.on('error', () => undefined);
  try {
    cgroup.add(pid);
  } catch (error) {
    throw new Error(
      `The workspace could not be put in its cgroup (${cgroup.dirs.join(', ')}): ${(error as Error).message}`,
    );
  }
  child.stdin?.end('go\n');
}

function firstLine(child: ChildProcess, timeoutMs: number, stderr: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => fail(`did not start within ${timeoutMs} ms. ${stderr().trim()}`),
      timeoutMs,
    );
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      fail(`exited (${code ?? signal}) before listening: ${stderr().trim() || 'no message'}`);
    const fail = (message: string) => {
      cleanup();
      reject(new Error(`The workspace's terminal server ${message}`));
    };
    const cleanup = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
    };
    child.once('exit', onExit);
    lines.once('line', (line) => {
      cleanup();
      resolve(line);
    });
  });
}

/**
 * TERM first (the terminal server ends its shells; bwrap's sandbox dies with it), KILL to the
 * group when that takes too long. Resolves once the process is gone.
 */
export async function endProcessGroup(pid: number, exited: Promise<void>, graceMs = 3_000): Promise<void> {
  const below = descendantsOf(pid);
  signalGroup(pid, 'SIGTERM');
  const ended = await Promise.race([exited.then(() => true), delay(graceMs).then(() => false)]);
  if (!ended) {
    signalGroup(pid, 'SIGKILL');
    await exited;
  }
  await waitUntilGone(below);
}

/**
 * A workspace a previous server process started (it was killed before it could stop them): ended
 * if the recorded pid is still the same process (its start time matches), never a stranger reusing the pid.
 */
export async function endLeftover(pid: number, startTime: number): Promise<boolean> {
  const stat = readStat(pid);
  if (!stat || (startTime !== 0 && stat.starttime !== startTime)) return false;
  const below = descendantsOf(pid);
  signalGroup(pid, 'SIGKILL');
  await waitUntilGone([{ pid, startTime: stat.starttime }, ...below]);
  return true;
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // ESRCH: already gone, which is what ending wants.
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
