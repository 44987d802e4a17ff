/**
 * `npm run bench:keystroke`: only the keystroke → echo figure, taken apart hop by hop (page and
 * server), for each product; quick enough to run before and after a change to the hot path.
 */
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { keystrokeEchoes } from './measures/latency';
import { formatHopTable, HOPS, summarizeHops } from './measures/keystrokeHops';
import { launchBenchBrowser } from './page/browser';
import { startOurs } from './targets/ours';
import { PROJECT_ROOT, type TargetName, type TerminalTarget } from './targets/target';
import { startWetty } from './targets/wetty';
import { installWetty } from './targets/wettyInstall';

interface ProfileOptions {
  targets: TargetName[];
  keys: number;
  rounds: number;
  buildDir: string;
  skipBuild: boolean;
  wetty: string;
}

const count = (value: string) => {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${value} is not a positive whole number`);
  return parsed;
};

const options = new Command('bench:keystroke')
  .description('Keystroke → echo painted, hop by hop, in real Chromium.')
  .addOption(new Option('--targets <names...>', 'products').choices(['ours', 'wetty']).default(['ours']))
  .option('--keys <n>', 'keystrokes per round', count, 60)
  .option('--rounds <n>', 'rounds, each printed, alternating products', count, 1)
  .option(
    '--build-dir <dir>',
    'the site npm run build wrote (shared with npm run bench)',
    path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-bench-build'),
  )
  .option('--skip-build', 'serve the site already in --build-dir', false)
  .option('--wetty <spec>', 'the wetty to compare with (npm spec)', 'wetty@3.2')
  .parse(process.argv)
  .opts<ProfileOptions>();

const log = (line: string) => console.error(`[bench] ${line}`);

async function start(name: TargetName): Promise<TerminalTarget> {
  if (name === 'ours') {
    return startOurs({
      buildDir: path.resolve(options.buildDir),
      skipBuild: options.skipBuild,
      stepId: 'running-locally/have-a-look-at-the-created-pods',
      stepPage: '/running-locally',
      maxTerminals: 8,
      dockHeight: 480,
      log,
    });
  }
  const install = await installWetty(options.wetty, undefined, log);
  if (!install.ok) throw new Error(`wetty: ${install.reason}`);
  const started = await startWetty(install, 480);
  if (!started.ok) throw new Error(`wetty: ${started.reason}`);
  return started.target;
}

async function main(): Promise<void> {
  const targets: TerminalTarget[] = [];
  try {
    for (const name of options.targets) targets.push(await start(name));
    options.skipBuild = true; // built once
    for (let round = 1; round <= options.rounds; round += 1) {
      for (const target of targets) {
        const browser = await launchBenchBrowser(target.viewport);
        try {
          const page = await target.openTerminal(browser);
          const samples = await keystrokeEchoes(target, page, options.keys);
          const load = os.loadavg()[0]?.toFixed(2);
          console.log(
            `\n${formatHopTable(`${target.name}, round ${round} (load ${load}):`, summarizeHops(samples, HOPS))}`,
          );
        } finally {
          await browser.close();
        }
      }
    }
  } finally {
    await Promise.all(targets.map((target) => target.close()));
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
