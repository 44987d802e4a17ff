/**
 * The `terminals` command alone, bundled on its own: what every workshop workspace runs. The full
 * command line (cli.ts) carries the site server, the workshop and the Kubernetes client, several MB
 * that each of sixty workspaces would parse at start for nothing (bench/README.md, "Hosted workshop").
 */
import { Command } from 'commander';
import { addTerminalsCommand } from './launch/terminalsCommand';
import { runProgram } from './launch/runProgram';
import { consoleLogger } from './log';

const program = new Command('runnable-walkthrough-terminals')
  .exitOverride()
  .showHelpAfterError('(add --help for the options)');
addTerminalsCommand(program, consoleLogger);
void runProgram(program, process.argv, consoleLogger);
