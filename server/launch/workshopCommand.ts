/** The `workshop` command's options (`npm run workshop -- --help`). */
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Logger } from '../log';
import {
  parseCount,
  parseCpus,
  parseDuration,
  parsePort,
  parseSize,
  portFromEnvironment,
} from './optionParsers';
import { DEFAULT_LIMITS } from '../workshop/local/limits';
import { addKubernetesOptions } from '../workshop/kubernetes/cliOptions';
import type { WorkshopOptions } from './workshop';

function parseSeats(value: string): number {
  const seats = parseCount(value);
  if (seats > 500) throw new InvalidArgumentError('one machine serves at most 500 seats.');
  return seats;
}

function parsePublicUrl(value: string): string {
  try {
    const url = new URL(value);
    if ((url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/') return url.origin;
  } catch {
    // answered below
  }
  throw new InvalidArgumentError('the public URL is an origin, e.g. https://workshop.example.com');
}

export function addWorkshopCommand(program: Command, log: Logger): void {
  const command = program
    .command('workshop')
    .description(
      'Host a workshop: the built site, a join page and a sandboxed workspace per attendee. Prints the instructor and join URLs.',
    )
    .option('--host <host>', 'address to listen on (0.0.0.0: every interface)', '127.0.0.1')
    .option('--port <port>', 'port to listen on (default: $PORT, else 3000)', parsePort)
    .option(
      '--data-dir <dir>',
      "where the workshop keeps its database and the attendees' homes",
      'workshop-data',
    )
    .option('--dir <dir>', 'the built site to serve (npm run build)', 'build')
    .option('--seats <n>', 'how many attendees may join', parseSeats, 30)
    .option(
      '--expires <duration>',
      'a session ends this long after joining (4h, 90m)',
      parseDuration,
      4 * 3_600_000,
    )
    .option(
      '--idle <duration>',
      'stop a workspace unused this long (shells end, HOME is kept)',
      parseDuration,
      30 * 60_000,
    )
    .option(
      '--seat-memory <size>',
      "memory of one attendee's workspace, all its processes together (512m, 2g)",
      parseSize,
      DEFAULT_LIMITS.workspaceMemoryBytes,
    )
    .option(
      '--seat-processes <n>',
      "processes one attendee's workspace may run at once",
      parseCount,
      DEFAULT_LIMITS.processes,
    )
    .option(
      '--seat-cpus <cpus>',
      "CPU time one attendee's workspace may use, in CPUs (1, 0.5, 500m)",
      parseCpus,
      DEFAULT_LIMITS.cpus,
    )
    .option(
      '--no-sandbox',
      'run workspaces without bubblewrap: only for a room of people who trust each other',
    )
    .option('--trust-proxy', 'believe X-Forwarded-Proto/-For from a TLS proxy in front', false)
    .addOption(
      new Option(
        '--public-url <origin>',
        'the address attendees use, behind a proxy (https://workshop.example.com)',
      ).argParser(parsePublicUrl),
    )
    .option('--kubeconfig <file>', 'one kubeconfig for every workspace (read-only; all attendees share it)')
    .option('--kubeconfig-dir <dir>', 'one kubeconfig per seat: the files of this folder, in name order')
    .option(
      '--end-workshop',
      "delete every workspace of this data dir's workshop (kubernetes: its namespaces and warm pool) and exit",
      false,
    );
  // Loaded only for this command: the workshop, its database and the Kubernetes client are most of
  // the bundle, and `live` or `dev` would otherwise initialise all of it (~30 MB resident) for nothing.
  addKubernetesOptions(command).action(async (options: Omit<WorkshopOptions, 'port'> & { port?: number }) => {
    const { runWorkshop } = await import('./workshop');
    await runWorkshop({ ...options, port: options.port ?? portFromEnvironment() ?? 3000 }, log);
  });
}
