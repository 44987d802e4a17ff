/**
 * `workshop`: the hosted mode. One server for a room: the built site, the portal and the router,
 * with a sandboxed workspace per attendee. Prints exactly two URLs, on lines starting `instructor:`
 * and `join:`; everything else it says goes to stderr.
 */
import { existsSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import path from 'node:path';
import type { Logger } from '../log';
import { isLoopbackHost, asHostHeaderName } from '../transport/hostNames';
import { PRESENTER_ID, type WorkshopContext } from '../workshop/context';
import { kubeconfigChooser } from '../workshop/kubeconfigs';
import { startLifetimes } from '../workshop/lifetimes';
import { DEFAULT_LIMITS, runsAsRoot } from '../workshop/local/limits';
import { LocalWorkspaceProvider } from '../workshop/local/localProvider';
import { sandboxVerdict } from '../workshop/local/sandbox';
import { portalRoutes } from '../workshop/portal/portalRoutes';
import { firstPageOf } from '../workshop/siteManifest';
import { openDatabase } from '../workshop/state/database';
import { WorkshopStore } from '../workshop/state/workshopStore';
import { startWorkshopServer } from '../workshop/workshopServer';
import { stopOnSignals } from './shutdown';
import { endWorkshop, openProvider } from './workshopProvider';
import type { KubernetesCliOptions } from '../workshop/kubernetes/cliOptions';
import { UsageError } from './usageError';

export interface WorkshopOptions extends KubernetesCliOptions {
  host: string;
  port: number;
  dataDir: string;
  dir: string;
  seats: number;
  /** Bytes: a seat's cgroup memory, and each of its processes' data limit. */
  seatMemory: number;
  seatProcesses: number;
  /** CPUs' worth of time a seat's workspace may use (its cgroup's quota). */
  seatCpus: number;
  expires: number;
  idle: number;
  sandbox: boolean;
  trustProxy: boolean;
  publicUrl?: string;
  kubeconfig?: string;
  kubeconfigDir?: string;
  endWorkshop: boolean;
}

/** The checkout this server runs from, bundled (node_modules/.cache/rw-server) or not (server/launch). */
const PROJECT_ROOT = projectRoot(__dirname);

function projectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir))
    if (existsSync(path.join(dir, 'server', 'run.cjs'))) return dir;
  return process.cwd();
}

/**
 * The terminal server a workspace runs: the `terminals` command bundled alone beside this bundle
 * (run.cjs makes both), which starts in half the CPU time and memory of the full command line.
 */
function terminalServerCommand(): { file: string; args: string[] } {
  const entry = process.argv[1] ?? '';
  const alone = path.join(path.dirname(entry), 'terminalsCli.cjs');
  if (entry.endsWith('.cjs') && existsSync(alone))
    return { file: process.execPath, args: [...process.execArgv, alone] };
  if (entry.endsWith('.cjs') || entry.endsWith('.js'))
    return { file: process.execPath, args: [...process.execArgv, entry] };
  return {
    file: process.execPath,
    args: [path.join(PROJECT_ROOT, 'server', 'run.cjs'), path.join(PROJECT_ROOT, 'server', 'cli.ts')],
  };
}

function publicBase(options: WorkshopOptions, port: number): string {
  if (options.publicUrl) return options.publicUrl.replace(/\/+$/, '');
  let host = options.host;
  if (['0.0.0.0', '::', '[::]'].includes(host)) {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    host = external?.address ?? '127.0.0.1';
  }
  return `http://${asHostHeaderName(host)}:${port}`;
}

export async function runWorkshop(options: WorkshopOptions, log: Logger): Promise<void> {
  const siteDir = path.resolve(options.dir);
  if (!existsSync(path.join(siteDir, 'index.html')))
    throw new UsageError(`${options.dir}/ holds no built site: run \`npm run build\` first.`);
  // Pods are sandboxed by the cluster (restricted Pod Security, NetworkPolicy), not by bubblewrap.
  const verdict = options.provider === 'kubernetes' ? { ok: true as const } : sandboxVerdict(options.sandbox);
  if (!verdict.ok) throw new UsageError(verdict.message);
  if ('warning' in verdict && verdict.warning) log.warn(verdict.warning);
  if (options.provider === 'local' && options.sandbox && !runsAsRoot())
    log.warn(
      'not running as root: every workspace runs as your user, so the per-attendee process limit is off ' +
        "(the sandbox still hides the others' files and processes). Run as root for a user per seat.",
    );
  if (!isLoopbackHost(options.host) && !options.publicUrl?.startsWith('https:'))
    log.warn(
      `listening on ${options.host} without TLS: session cookies cross the network in clear. ` +
        'Put a TLS proxy in front (README, "Run a workshop") and pass --public-url https://… --trust-proxy.',
    );
  const dataDir = path.resolve(options.dataDir);
  const db = openDatabase(dataDir);
  const store = new WorkshopStore(db);
  const identity = store.identity();
  const kubeconfigFor = kubeconfigChooser(options, log);
  const provider = await openProvider(
    options,
    identity.id,
    () =>
      LocalWorkspaceProvider.open({
        db,
        dataDir,
        projectRoot: PROJECT_ROOT,
        command: terminalServerCommand(),
        sandbox: options.sandbox,
        limits: {
          ...DEFAULT_LIMITS,
          memoryBytes: options.seatMemory,
          workspaceMemoryBytes: options.seatMemory,
          processes: options.seatProcesses,
          cpus: options.seatCpus,
        },
        userPerSeat: options.sandbox && runsAsRoot(),
        kubeconfigFor,
        log,
      }),
    log,
  );
  if (options.endWorkshop) {
    await endWorkshop(provider, log);
    db.close();
    return;
  }
  const context: WorkshopContext = {
    store,
    provider,
    identity,
    settings: { seats: options.seats, expiresMs: options.expires, idleMs: options.idle, siteDir },
    policy: { hosts: new Set(), trustProxy: options.trustProxy },
    log,
    firstPage: firstPageOf(siteDir),
  };
  await provider.create({ workshopId: identity.id, attendeeId: PRESENTER_ID, displayName: 'Presenter' });
  const server = await startWorkshopServer(
    context,
    { host: options.host, port: options.port, publicUrl: options.publicUrl },
    (router) => portalRoutes(context, router),
  ).catch(async (error: unknown) => {
    await provider.dispose();
    throw error;
  });
  const lifetimes = startLifetimes(context, server.router);
  stopOnSignals(async () => {
    lifetimes.stop();
    await server.close();
    await provider.dispose();
    db.close();
  }, log);
  const base = publicBase(options, server.port);
  process.stdout.write(`instructor: ${base}/instructor?key=${identity.instructorSecret}\n`);
  process.stdout.write(`join: ${base}/join?code=${identity.joinCode}\n`);
}
