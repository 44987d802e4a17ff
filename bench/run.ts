/**
 * `npm run bench`: the runner and wetty, side by side in real Chromium, as their users start them.
 * Prints the table (figure, ours, wetty, ratio, goal, met?) and writes the figures as JSON under
 * bench/results/. It never fails on a time: a missed goal is a row that says NO.
 */
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import {
  RESULTS_DIR,
  TIMED_STEP,
  wholeNumber,
  withSiteOptions,
  withWettyOptions,
  type SiteOptions,
  type WettyOptions,
} from './cliOptions';
import { figureDefs, tableRows } from './figures';
import { measureTarget, type BenchSizes, type TargetRecord } from './measureTarget';
import { formatTable, hopTables, writeResults } from './report';
import { makeCatFile, MIB } from './measures/throughput';
import { startOurs } from './targets/ours';
import type { TargetName } from './targets/target';
import { startWetty } from './targets/wetty';
import { installWetty } from './targets/wettyInstall';

interface CliOptions extends SiteOptions, WettyOptions {
  targets: TargetName[];
  runs: number;
  coldRuns: number;
  keys: number;
  catMb: number;
  catRuns: number;
  yesSeconds: number;
  ctrlCRuns: number;
  terminals: number;
  out: string;
  stepId: string;
  stepPage: string;
  dockHeight: number;
  quiet: boolean;
}

const count = wholeNumber(0);

function program(): Command {
  const command = new Command('bench').description(
    'Measure the runner and wetty in real Chromium; print the table and write JSON.',
  );
  return withWettyOptions(withSiteOptions(command))
    .addOption(
      new Option('--targets <names...>', 'which products to measure')
        .choices(['ours', 'wetty'])
        .default(['ours', 'wetty']),
    )
    .option('--runs <n>', 'warm Runs (click Run → first output)', count, 30)
    .option('--cold-runs <n>', 'first Runs on fresh pages', count, 5)
    .option('--keys <n>', 'keystrokes per echo measurement', count, 60)
    .option('--cat-mb <n>', 'size of the file to cat, MiB', count, 100)
    .option('--cat-runs <n>', 'cat repetitions', count, 3)
    .option('--yes-seconds <n>', 'how long yes floods the terminal', count, 10)
    .option('--ctrl-c-runs <n>', 'Ctrl-C samples (the first ends the long yes)', count, 10)
    .option('--terminals <n>', 'terminals open on one server for the many-terminals echo', count, 50)
    .option('--out <dir>', 'where the JSON goes', RESULTS_DIR)
    .option('--step-id <id>', 'the step whose Run is timed', TIMED_STEP.id)
    .option('--step-page <path>', 'the page that step is on', TIMED_STEP.page)
    .option(
      '--dock-height <px>',
      "dock height in px (wetty's page gets the same terminal height)",
      count,
      480,
    )
    .option('--quiet', 'print only the table', false);
}

async function main(): Promise<void> {
  const options = program().parse(process.argv).opts<CliOptions>();
  const log = (line: string) => {
    if (!options.quiet) console.error(`[bench] ${line}`);
  };
  const startedAt = new Date();
  const loadAtStart = os.loadavg();
  log(`load average (1, 5, 15 min): ${loadAtStart.map((l) => l.toFixed(2)).join(', ')}`);
  const catFile = path.join(os.tmpdir(), `rw-bench-cat-${options.catMb}mib.txt`);
  await makeCatFile(catFile, options.catMb * MIB);
  const sizes: BenchSizes = {
    runs: options.runs,
    coldRuns: options.coldRuns,
    keys: options.keys,
    catMib: options.catMb,
    catRuns: options.catRuns,
    catFile,
    yesSeconds: options.yesSeconds,
    ctrlCRuns: options.ctrlCRuns,
    terminals: options.terminals,
  };
  const records: Partial<Record<TargetName, TargetRecord>> = {};

  if (options.targets.includes('ours')) {
    const ours = await startOurs({
      buildDir: path.resolve(options.buildDir),
      skipBuild: options.skipBuild,
      stepId: options.stepId,
      stepPage: options.stepPage,
      maxTerminals: options.terminals + 8,
      dockHeight: options.dockHeight,
      log,
    });
    try {
      records.ours = await measureTarget(ours, sizes, log);
    } finally {
      await ours.close();
    }
  }
  if (options.targets.includes('wetty')) records.wetty = await measureWetty(options, sizes, log);

  const defs = figureDefs({
    catMib: options.catMb,
    yesSeconds: options.yesSeconds,
    terminals: options.terminals,
  });
  const rows = tableRows(defs, records.ours?.figures ?? {}, records.wetty?.figures ?? {});
  const notes = notesFor(records);
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const file = writeResults(
    path.resolve(options.out),
    {
      startedAt: startedAt.toISOString(),
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? 'unknown',
        memoryGiB: os.totalmem() / 1024 ** 3,
        node: process.version,
        loadAverageAtStart: loadAtStart,
        loadAverageAtEnd: os.loadavg(),
      },
      options: {
        ...sizes,
        targets: options.targets,
        wetty: options.wetty,
        stepId: options.stepId,
        dockHeight: options.dockHeight,
      },
      rows,
      targets: records,
    },
    stamp,
  );
  console.log(formatTable(rows, notes));
  console.log(`\n${hopTables(records).join('\n\n')}`);
  console.log(
    `\nload average (1, 5, 15 min) at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
  );
  console.log(`\nJSON: ${path.relative(process.cwd(), file)}`);
}

async function measureWetty(
  options: CliOptions,
  sizes: BenchSizes,
  log: (line: string) => void,
): Promise<TargetRecord> {
  const unavailable = (reason: string): TargetRecord => {
    log(`wetty: not measured: ${reason}`);
    return { status: 'unavailable', reason, figures: {}, details: {}, errors: {} };
  };
  const install = await installWetty(options.wetty, options.wettyDir, log);
  if (!install.ok) return unavailable(install.reason);
  const started = await startWetty(install, options.dockHeight);
  if (!started.ok) return unavailable(started.reason);
  try {
    const record = await measureTarget(started.target, sizes, log);
    record.details.version = install.version;
    return record;
  } finally {
    await started.target.close();
  }
}

function notesFor(records: Partial<Record<TargetName, TargetRecord>>): string[] {
  const notes: string[] = [];
  for (const [name, record] of Object.entries(records)) {
    if (record.status === 'unavailable') notes.push(`${name}: not measured — ${record.reason}`);
    for (const [what, why] of Object.entries(record.errors)) notes.push(`${name}: ${what} failed — ${why}`);
    const lost = record.details.runLostClicks;
    if (typeof lost === 'number' && lost > 0)
      notes.push(`${name}: ${lost} Run click(s) painted nothing within 10 s (not in the samples)`);
    if (record.terminalRows) notes.push(`${name}: the page's terminal has ${record.terminalRows} rows`);
  }
  notes.push(
    'ratio = ours ÷ wetty; MB = MiB; painted = screen text changed, timed after the frame (bench/README.md)',
  );
  return notes;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
