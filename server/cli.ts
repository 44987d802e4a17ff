/**
 * The command line: `dev` (what `npm start` runs), `live` (what `npm run live` runs after a
 * build), `terminals` (the terminal server alone, for tools; also what each workshop workspace
 * runs) and `workshop` (the hosted mode). A usage mistake exits with
 * status 2, a failure to start with status 1.
 */
import { Command, Option } from 'commander';
import { addCommonOptions } from './launch/common';
import { runDev, type DevOptions } from './launch/dev';
import { runLive, type LiveOptions } from './launch/live';
import { parsePort } from './launch/optionParsers';
import { runProgram } from './launch/runProgram';
import { addTerminalsCommand } from './launch/terminalsCommand';
import { addWorkshopCommand } from './launch/workshopCommand';
import { consoleLogger } from './log';

const log = consoleLogger;

function buildProgram(): Command {
  const program = new Command('runnable-walkthrough')
    .description('Serve the walkthrough with a terminal server whose shells its pages can run steps in.')
    .exitOverride()
    .showHelpAfterError('(add --help for the options)');

  addCommonOptions(
    program
      .command('dev')
      .description('Docusaurus dev server plus terminal server; prints the one URL to open.'),
    'port of the site (default: $PORT, else 3000)',
  )
    .addOption(
      new Option('--terminal-port <port>', 'port of the terminal server (default: any free one)').argParser(
        parsePort,
      ),
    )
    .action((options: DevOptions) => runDev(options, log));

  addCommonOptions(
    program
      .command('live')
      .description('Serve the built site (npm run build) and the terminals from one port.'),
    'port of the site and terminals (default: $PORT, else 3000)',
  )
    .option('--dir <dir>', 'the built site to serve', 'build')
    .action((options: LiveOptions) => runLive(options, log));

  addTerminalsCommand(program, log);

  addWorkshopCommand(program, log);
  return program;
}

void runProgram(buildProgram(), process.argv, log);
