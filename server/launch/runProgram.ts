/** Runs a command line: a usage mistake exits with status 2, a failure to start with status 1. */
import { CommanderError, type Command } from 'commander';
import type { Logger } from '../log';
import { UsageError } from './usageError';

export async function runProgram(program: Command, argv: string[], log: Logger): Promise<void> {
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed the problem (or the help) already.
      process.exit(error.exitCode === 0 ? 0 : 2);
    }
    if (error instanceof UsageError) {
      log.error(error.message);
      process.exit(2);
    }
    log.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
