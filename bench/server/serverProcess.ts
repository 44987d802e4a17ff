/**
 * The terminal server as `npm run live` starts it (hub over real bash, WebSocket server), alone in
 * its own process so that its event loop is measured without the client's. Tells its parent where
 * it listens, then answers `measure-start` / `measure-stop` with its event-loop utilisation, CPU
 * time and RSS over that window.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { quietLogger } from '../../server/log';
import { startTerminalServer } from '../../server/terminalServer';
import { createTerminalHub } from '../../server/terminals';

export const BENCH_ORIGIN = 'http://localhost:3999';

export type ServerReport = {
  elu: number;
  cpuMs: number;
  rssMb: number;
  seconds: number;
  /** process.memoryUsage() at the end, in MB. */
  memory: Record<string, number>;
};
export type ToServer = { type: 'measure-start' } | { type: 'measure-stop' } | { type: 'stop' };
export type FromServer =
  | { type: 'listening'; wsUrl: string; token: string; home: string; pid: number }
  | ({ type: 'report' } & ServerReport);

async function main(): Promise<void> {
  const send = (message: FromServer) => process.send?.(message);
  const home = mkdtempSync(path.join(os.tmpdir(), 'rw-throughput-home-'));
  writeFileSync(path.join(home, '.bashrc'), "PS1='rwbench$ '\n");
  const hub = createTerminalHub({ cwd: home, env: { HOME: home }, log: quietLogger });
  await hub.ready;
  const server = await startTerminalServer({ hub, allowedOrigins: [BENCH_ORIGIN], log: quietLogger });
  let elu: EventLoopUtilization | undefined;
  let cpu: NodeJS.CpuUsage | undefined;
  let started = 0;
  process.on('message', (message: ToServer) => {
    if (message.type === 'measure-start') {
      elu = performance.eventLoopUtilization();
      cpu = process.cpuUsage();
      started = performance.now();
    } else if (message.type === 'measure-stop') {
      const used = process.cpuUsage(cpu);
      send({
        type: 'report',
        elu: performance.eventLoopUtilization(elu).utilization,
        cpuMs: (used.user + used.system) / 1000,
        rssMb: process.memoryUsage().rss / 1024 / 1024,
        memory: Object.fromEntries(
          Object.entries(process.memoryUsage()).map(([key, bytes]) => [key, Math.round(bytes / 1024 / 1024)]),
        ),
        seconds: (performance.now() - started) / 1000,
      });
    } else {
      // Whatever hangs on the way out, the bench must not.
      setTimeout(() => process.exit(0), 5_000).unref();
      void server
        .close()
        .then(() => hub.dispose())
        .finally(() => {
          rmSync(home, { recursive: true, force: true });
          process.exit(0);
        });
    }
  });
  // The bench that started this server died: end its shells too.
  process.once('disconnect', () => {
    setTimeout(() => process.exit(0), 5_000).unref();
    void hub.dispose().finally(() => process.exit(0));
  });
  send({ type: 'listening', wsUrl: server.wsUrl, token: server.token, home, pid: process.pid });
}

void main();
