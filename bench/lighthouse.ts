/**
 * `npm run bench:lighthouse`: Lighthouse (performance and accessibility) for every page of the
 * published site, desktop and mobile, in the system Chromium with no network but loopback. Builds the
 * site as `npm run bench` does (or reuses that build with --skip-build), serves it as a static host
 * would, prints one table and writes the scores to bench/results/lighthouse-<time>.json. With
 * --stock, the same for Docusaurus's own template at our version: the floor our pages stand on.
 * Never fails on a score: a missed goal is a row that says NO.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/plugins/headlessChromium';
import { measurePages, serve, sitemapPages, type PageScore } from './lighthouse/measure';
import { prepareStockDocusaurus, STOCK_PAGES } from './lighthouse/stockDocusaurus';
import { GOALS, mobileSummary, table } from './lighthouse/table';
import { buildSite } from './targets/ours';
import { PROJECT_ROOT } from './targets/target';
import { RESULTS_DIR, wholeNumber, withSiteOptions } from './cliOptions';

// chrome-launcher, unlike playwright, starts Chromium with a window unless told otherwise.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

interface CliOptions {
  skipBuild: boolean;
  runs: number;
  pages?: string[];
  stock: boolean;
  buildDir: string;
  out: string;
}

const count = wholeNumber(1);

function program(): Command {
  return withSiteOptions(new Command('bench:lighthouse'))
    .description(
      'Lighthouse for every page of the published site, desktop and mobile; print the table and write JSON.',
    )
    .option('--runs <n>', 'Lighthouse runs per page and device; the table shows medians', count, 1)
    .option('--pages <paths...>', 'only these pages of our site (default: every page of its sitemap)')
    .option('--out <dir>', 'where the JSON goes', RESULTS_DIR)
    .option(
      '--stock',
      `also measure Docusaurus's classic template at our version (${STOCK_PAGES.join(', ')})`,
      false,
    );
}

async function measureSite(buildDir: string, pages: string[], runs: number): Promise<PageScore[]> {
  const chromeLauncher = await import('chrome-launcher');
  const site = await serve(buildDir);
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    return await measurePages(site.origin, pages, { chromePort: chrome.port, runs, log: console.log });
  } finally {
    chrome.kill();
    site.close();
  }
}

async function main(): Promise<void> {
  const options = program().parse().opts<CliOptions>();
  if (!options.skipBuild) await buildSite(options.buildDir, (line) => console.log(line));
  const loadAtStart = loadAverage();
  const scores = await measureSite(
    options.buildDir,
    options.pages ?? sitemapPages(options.buildDir),
    options.runs,
  );
  let stock: { version: string; scores: PageScore[] } | { reason: string } | undefined;
  if (options.stock) {
    const prepared = await prepareStockDocusaurus(console.log);
    stock = prepared.ok
      ? { version: prepared.version, scores: await measureSite(prepared.buildDir, STOCK_PAGES, options.runs) }
      : { reason: prepared.reason };
  }
  console.log(table(scores));
  console.log(`ours: ${mobileSummary(scores)}`);
  if (stock && 'scores' in stock) {
    console.log(`\nDocusaurus ${stock.version}, its classic template untouched:`);
    console.log(table(stock.scores));
    console.log(`stock template: ${mobileSummary(stock.scores)}`);
  } else if (stock) {
    console.log(`stock template not measured: ${stock.reason}`);
  }
  const load = { start: loadAtStart, end: loadAverage() };
  console.log(`load average: ${load.start} at the start, ${load.end} at the end (${os.cpus().length} cores)`);
  mkdirSync(options.out, { recursive: true });
  const file = path.join(options.out, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  const record = JSON.stringify({ load, runs: options.runs, goals: GOALS, scores, stock }, null, 2);
  writeFileSync(file, record);
  writeFileSync(path.join(options.out, 'lighthouse-latest.json'), record);
  console.log(`scores: ${path.relative(PROJECT_ROOT, file)}`);
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
