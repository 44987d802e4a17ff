/** The `terminals` command: the terminal server alone (a tool's, or one workshop workspace's). */
import type { Command } from 'commander';
import type { Logger } from '../log';
import { addCommonOptions } from './common';
import { runTerminalsOnly, type TerminalsOnlyOptions } from './terminalsOnly';

export function addTerminalsCommand(program: Command, log: Logger): void {
  addCommonOptions(
    program
      .command('terminals')
      .description('Only the terminal server; prints {wsUrl, token} as one JSON line.'),
    'port of the terminal server (default: any free one)',
  )
    .option('--token-file <path>', 'accept the token in this file (a mounted Secret) instead of a fresh one')
    .option(
      '--audience-token-file <path>',
      'also accept the watch-only token in this file (a mounted Secret)',
    )
    .action((options: TerminalsOnlyOptions) => runTerminalsOnly(options, log));
}
