/**
 * What the bench commands' command lines share (npm run bench, bench:keystroke, bench:lighthouse):
 * the site they serve, the wetty they compare with, the step whose Run is timed, and how a count
 * is read. One place, so the commands cannot drift apart.
 */
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { PROJECT_ROOT } from './targets/target';

/** The site `npm run build` writes for the bench: every bench command reuses it with --skip-build. */
export const BENCH_BUILD_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-bench-build');

export const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'results');

/** A real step of a real page: read-only (`oc get pod`), and where `oc` is missing it fails at once. */
export const TIMED_STEP = { id: 'running-locally/have-a-look-at-the-created-pods', page: '/running-locally' };

/** A parser for a whole number of at least `min`, for commander. */
export function wholeNumber(min: number): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!/^\d+$/.test(value) || parsed < min)
      throw new InvalidArgumentError(`expected a whole number from ${min}.`);
    return parsed;
  };
}

export interface SiteOptions {
  buildDir: string;
  skipBuild: boolean;
}

export interface WettyOptions {
  wetty: string;
  wettyDir?: string;
}

export function withSiteOptions(command: Command): Command {
  return command
    .option('--build-dir <dir>', 'where npm run build writes the site the bench serves', BENCH_BUILD_DIR)
    .option('--skip-build', 'serve the site already in --build-dir (the last bench run built it)', false);
}

export function withWettyOptions(command: Command): Command {
  return command
    .option('--wetty <spec>', 'the wetty to compare with (npm spec)', 'wetty@3.2')
    .option('--wetty-dir <dir>', 'install wetty here (default: a folder in the system temp dir, reused)');
}
