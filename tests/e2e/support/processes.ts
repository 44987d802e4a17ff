import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A child process started in its own process group, so stopping it takes its children too. */
export interface GroupProcess {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export function startGroup(command: string, args: string[], cwd: string): GroupProcess {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    listeners.forEach((listener) => listener());
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => listeners.forEach((listener) => listener()));

  return {
    child,
    output: () => output,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = output.match(pattern);
          if (match) return done(() => resolve(match));
          if (child.exitCode !== null || child.signalCode !== null) {
            const how = child.exitCode ?? child.signalCode;
            done(() =>
              reject(
                new Error(
                  `\`${command} ${args.join(' ')}\` exited (${how}) before printing ${pattern}:\n${output}`,
                ),
              ),
            );
          }
        };
        const timer = setTimeout(() => {
          done(() =>
            reject(
              new Error(
                `\`${command} ${args.join(' ')}\` did not print ${pattern} within ${timeoutMs} ms:\n${output}`,
              ),
            ),
          );
        }, timeoutMs);
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        listeners.add(check);
        check();
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
      signalGroup(child.pid, 'SIGTERM');
      const killed = await Promise.race([exited.then(() => true), delay(5_000).then(() => false)]);
      if (!killed) {
        signalGroup(child.pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    // ESRCH: the group is already gone, which is what stopping wants.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A port the OS just handed out on 127.0.0.1; free unless someone grabs it in the next instant. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('The OS gave no free port.'))));
    });
  });
}

/** Polls `url` until it answers with any HTTP status (the server is up), or gives up. */
export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch (error) {
      lastError = error;
      await delay(200);
    }
  }
  throw new Error(`Nothing answered at ${url} within ${timeoutMs} ms (last error: ${String(lastError)}).`);
}
