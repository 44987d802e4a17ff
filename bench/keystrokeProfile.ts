/**
 * `npm run bench:keystroke`: only the keystroke → echo figure, taken apart hop by hop (page and
 * server), for each product; quick enough to run before and after a change to the hot path.
 */
import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import {
  TIMED_STEP,
  wholeNumber,
  withSiteOptions,
  withWettyOptions,
  type SiteOptions,
  type WettyOptions,
} from './cliOptions';
import { keystrokeEchoes } from './measures/latency';
import { formatHopTable, HOPS, summarizeHops } from './measures/keystrokeHops';
import { launchBenchBrowser } from './page/browser';
import { startOurs } from './targets/ours';
import type { TargetName, TerminalTarget } from './targets/target';
import { startWetty } from './targets/wetty';
import { installWetty } from './targets/wettyInstall';

interface ProfileOptions extends SiteOptions, WettyOptions {
  targets: TargetName[];
  keys: number;
  rounds: number;
}

const count = wholeNumber(1);

const options = withWettyOptions(
  withSiteOptions(new Command('bench:keystroke'))
    .description('Keystroke → echo painted, hop by hop, in real Chromium.')
    .addOption(new Option('--targets <names...>', 'products').choices(['ours', 'wetty']).default(['ours']))
    .option('--keys <n>', 'keystrokes per round', count, 60)
    .option('--rounds <n>', 'rounds, each printed, alternating products', count, 1),
)
  .parse(process.argv)
  .opts<ProfileOptions>();

const log = (line: string) => console.error(`[bench] ${line}`);

async function start(name: TargetName): Promise<TerminalTarget> {
  if (name === 'ours') {
    return startOurs({
      buildDir: path.resolve(options.buildDir),
      skipBuild: options.skipBuild,
      stepId: TIMED_STEP.id,
      stepPage: TIMED_STEP.page,
      maxTerminals: 8,
      dockHeight: 480,
      log,
    });
  }
  const install = await installWetty(options.wetty, options.wettyDir, log);
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
