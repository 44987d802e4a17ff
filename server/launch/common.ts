/**
 * What every command shares: the options that shape the terminals and the bind address, their
 * validation (a usage error exits with status 2), and the warning a remote bind deserves.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { Logger } from '../log';
import { isLoopbackHost } from '../transport/hostNames';
import { UsageError } from './usageError';
import { collectOrigin, parseCount, parseDuration, parsePort } from './optionParsers';

export interface CommonOptions {
  port?: number;
  host: string;
  allowOrigin: string[];
  allowRemote: boolean;
  audience: boolean;
  shell?: string;
  cwd?: string;
  maxTerminals?: number;
  grace?: number;
}

/** The settings the terminals get from the command line; undefined means the hub's default. */
export interface TerminalSettings {
  readonly shell: string | undefined;
  readonly cwd: string | undefined;
  readonly maxTerminals: number | undefined;
  readonly graceMs: number | undefined;
}

export function addCommonOptions(command: Command, portHelp: string): Command {
  return command
    .option('--port <port>', portHelp, parsePort)
    .option(
      '--host <host>',
      'address the terminal server listens on; only loopback unless --allow-remote',
      '127.0.0.1',
    )
    .option(
      '--allow-origin <origin...>',
      'also accept pages from these origins (scheme://host:port), e.g. a site served elsewhere',
      collectOrigin,
      [],
    )
    .option(
      '--allow-remote',
      'permit a --host other machines can reach: anyone with the port and the token gets a shell',
      false,
    )
    .option(
      '--audience',
      'also print a watch-only URL (presenter mode): its pages can see terminals but not type',
      false,
    )
    .option('--shell <path>', 'the shell each terminal runs (default: bash)')
    .option('--cwd <dir>', 'the directory terminals start in (default: your home)')
    .option('--max-terminals <n>', 'refuse to open more than this many terminals at once', parseCount)
    .option('--grace <duration>', 'how long a terminal outlives its last page (90s, 5m, 1h)', parseDuration);
}

/** Validates what commander could not check alone; warns about a remote bind. */
export function resolveCommon(options: CommonOptions, log: Logger): TerminalSettings {
  if (!isLoopbackHost(options.host)) {
    if (!options.allowRemote) {
      throw new UsageError(
        `--host ${options.host} is reachable from other machines; add --allow-remote if you mean it ` +
          '(anyone who can reach the port and has the token gets a shell).',
      );
    }
    log.warn(
      `!!! listening on ${options.host}: ANYONE who can reach this port and has the token gets a shell ` +
        'as you on this machine. Share the URL only with people you would hand your keyboard to. !!!',
    );
  }
  const cwd = options.cwd === undefined ? undefined : resolve(options.cwd);
  if (cwd !== undefined && !isDirectory(cwd))
    throw new UsageError(`--cwd ${options.cwd} is not a directory.`);
  return { shell: options.shell, cwd, maxTerminals: options.maxTerminals, graceMs: options.grace };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
