/**
 * `npm run rehearse -- [pages...]` (also the `rehearse-walkthrough` bin): runs the steps of the
 * walkthrough's pages in real shells, through the terminal server's own hub, and reports like a test
 * runner. Exit status: 0 all passed, 1 a step failed, 2 a usage mistake, 130 stopped.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { createTerminalHub } from '../terminals';
import type { Logger } from '../log';
import { loadAnswers } from './answers';
import { planRehearsal } from './plan';
import { rehearse } from './rehearse';
import { ConsoleProgress } from './reports/consoleProgress';
import { junitXml } from './reports/junit';
import { tapReport } from './reports/tap';
import { succeeded } from './results';

interface CliOptions {
  docs: string;
  bail: boolean;
  from?: string;
  to?: string;
  var: string[];
  answer: string[];
  answerEnv: string[];
  answers: string[];
  timeout: number;
  inputTimeout: number;
  strictOutput: boolean;
  junit?: string;
  tap?: string;
  list: boolean;
  setting: 'laptop' | 'hosted';
}

const collect = (value: string, previous: string[]) => [...previous, value];

function positiveSeconds(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0)
    throw new CommanderError(2, 'rehearse.bad-seconds', `not a number of seconds: ${value}`);
  return number;
}

function buildProgram(run: (pages: string[], options: CliOptions) => Promise<number>): Command {
  return new Command('rehearse-walkthrough')
    .description('Run every step of the walkthrough pages in real shells and report like a test runner.')
    .argument(
      '[pages...]',
      'page ids or files (running-locally, docs/split-deployment.md); default: all, in sidebar order',
    )
    .option('--docs <dir>', 'the docs directory', path.resolve(__dirname, '../../docs'))
    .option('--bail', 'stop at the first failed step', false)
    .option('--from <stepId>', 'start at this step')
    .option('--to <stepId>', 'stop after this step')
    .option(
      '--var <KEY=VALUE>',
      'a page variable, e.g. ARO_API_URL=https://api.example:6443 (repeatable)',
      collect,
      [],
    )
    .option(
      '--answer <stepId=text>',
      'typed when that step waits for input, in order (repeatable)',
      collect,
      [],
    )
    .option(
      '--answer-env <stepId=ENV_VAR>',
      'as --answer, the text read from an environment variable',
      collect,
      [],
    )
    .option(
      '--answers <file>',
      'answers file: <stepId>=<text> per line, # comments (repeatable)',
      collect,
      [],
    )
    .addOption(
      new Option('--timeout <seconds>', 'per step; a step still running is interrupted')
        .default(600)
        .argParser(positiveSeconds),
    )
    .addOption(
      new Option('--input-timeout <seconds>', 'how long a step may wait for input nobody answers')
        .default(60)
        .argParser(positiveSeconds),
    )
    .option('--strict-output', 'fail a step whose output drifted from the recorded one', false)
    .option('--junit <file>', 'write a JUnit XML report')
    .option('--tap <file>', 'write a TAP report')
    .option('--list', 'list the steps that would run, run nothing', false)
    .addOption(
      new Option(
        '--setting <setting>',
        'run as on a laptop, or as in a hosted workshop (steps fenced only="…")',
      )
        .choices(['laptop', 'hosted'])
        .default('laptop'),
    )
    .exitOverride()
    .showHelpAfterError('(add --help for the options)')
    .action(async (pages: string[], options: CliOptions) => {
      process.exitCode = await run(pages, options);
    });
}

function parseVariables(pairs: readonly string[]): Record<string, string> | string {
  const variables: Record<string, string> = {};
  for (const pair of pairs) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(pair);
    if (!match) return `--var expects KEY=VALUE with a shell variable name, got "${pair}".`;
    variables[match[1] as string] = match[2] as string;
  }
  return variables;
}

const quietHubLog: Logger = {
  info: () => {},
  warn: (message) => console.error(`warning: ${message}`),
  error: (message, cause) => console.error(`error: ${message}`, ...(cause === undefined ? [] : [cause])),
};

async function runRehearsal(pages: string[], options: CliOptions): Promise<number> {
  const variables = parseVariables(options.var);
  if (typeof variables === 'string') return usage(variables);
  const answers = loadAnswers({ inline: options.answer, fromEnv: options.answerEnv, files: options.answers });
  if ('code' in answers) return usage(answers.message);
  const plan = await planRehearsal({
    docsDir: options.docs,
    pages,
    from: options.from,
    to: options.to,
    variables,
    setting: options.setting,
  });
  if ('code' in plan) return usage(plan.message);
  const unknownAnswers = answers.stepIds().filter((id) => !plan.steps.some((step) => step.id === id));
  if (unknownAnswers.length > 0)
    return usage(`Answers for steps that will not run: ${unknownAnswers.join(', ')}.`);
  if (options.list) {
    for (const step of plan.steps)
      console.log(
        `${step.id}  [${step.terminal}]${step.background ? ' background' : ''}${step.norun ? ' norun' : ''}`,
      );
    return 0;
  }

  const abort = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals += 1;
    if (signals === 1) {
      console.error(
        '\nstopping: interrupting the running step and ending the shells (Ctrl-C again to quit at once)',
      );
      abort.abort();
    } else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  // Page variables reach the shells as environment variables: `${ARO_API_URL}` expands as typed.
  const hub = createTerminalHub({ env: variables, log: quietHubLog });
  await hub.ready;
  const progress = new ConsoleProgress({
    write: (text) => process.stdout.write(text),
    isTTY: process.stdout.isTTY === true,
    columns: process.stdout.columns,
  });
  const report = await rehearse(hub, {
    steps: plan.steps,
    answers,
    limits: {
      timeoutMs: options.timeout * 1000,
      inputTimeoutMs: options.inputTimeout * 1000,
      backgroundSettleMs: 2000,
    },
    bail: options.bail,
    strictOutput: options.strictOutput,
    signal: abort.signal,
    progress,
  });
  progress.finished(report);
  if (options.junit) writeFileSync(options.junit, junitXml(report));
  if (options.tap) writeFileSync(options.tap, tapReport(report));
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  if (report.aborted) return 130;
  return succeeded(report) ? 0 : 1;
}

function usage(message: string): number {
  console.error(`rehearse: ${message}`);
  return 2;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram(runRehearsal).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}

void main(process.argv);
