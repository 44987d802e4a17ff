/**
 * `npm run bench:lighthouse`: Lighthouse (performance and accessibility) for every page of the
 * published site, desktop and mobile, in the system Chromium with no network but loopback. Builds the
 * site as `npm run bench` does (or reuses that build with --skip-build), serves it as a static host
 * would, prints one table and writes the scores to bench/results/lighthouse-<time>.json. Never fails
 * on a score: a missed goal is a row that says NO.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import serveHandler from 'serve-handler';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../src/plugins/headlessChromium';
import { compressed } from '../server/workshop/http/compressed';
import { buildSite } from './targets/ours';
import { PROJECT_ROOT } from './targets/target';

const BUILD_DIR = path.join(PROJECT_ROOT, 'node_modules', '.cache', 'rw-bench-build');
const RESULTS_DIR = path.join(PROJECT_ROOT, 'bench', 'results');
// chrome-launcher, unlike playwright, starts Chromium with a window unless told otherwise.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];
const GOALS = {
  desktop: { performance: 98, accessibility: 100 },
  mobile: { performance: 90, accessibility: 100, tbtMs: 200 },
};

type FormFactor = 'desktop' | 'mobile';
interface PageScore {
  page: string;
  formFactor: FormFactor;
  performance: number;
  accessibility: number;
  tbtMs: number;
  lcpMs: number;
  /** Accessibility audits that failed, by id. */
  failedA11y: string[];
}

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string }>;
  };
}

function sitemapPages(buildDir: string): string[] {
  const sitemap = readFileSync(path.join(buildDir, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname);
}

async function serve(buildDir: string): Promise<{ origin: string; close(): void }> {
  // Gzipped, as every static host sends a site: uncompressed, main.js alone is ~420 KB on the
  // simulated slow 4G of the mobile run, and Lighthouse would judge the host rather than the pages.
  const server = http.createServer(
    compressed(
      (request, response) => void serveHandler(request, response, { public: buildDir, cleanUrls: true }),
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, close: () => server.close() };
}

async function main(): Promise<void> {
  const skipBuild = process.argv.includes('--skip-build');
  if (!skipBuild) await buildSite(BUILD_DIR, (line) => console.log(line));
  // Lighthouse and chrome-launcher are ES modules: imported, not required.
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const site = await serve(BUILD_DIR);
  const scores: PageScore[] = [];
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROME_FLAGS });
  try {
    for (const page of sitemapPages(BUILD_DIR)) {
      for (const formFactor of ['desktop', 'mobile'] as const) {
        const result = (await lighthouse(
          `${site.origin}${page}`,
          {
            port: chrome.port,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          },
          formFactor === 'desktop' ? desktopConfig : undefined,
        )) as unknown as LighthouseResult;
        const { categories, audits } = result.lhr;
        scores.push({
          page,
          formFactor,
          performance: Math.round((categories['performance']?.score ?? 0) * 100),
          accessibility: Math.round((categories['accessibility']?.score ?? 0) * 100),
          tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? NaN),
          lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? NaN),
          failedA11y: Object.entries(audits)
            .filter(([, audit]) => audit.score === 0 && audit.scoreDisplayMode === 'binary')
            .map(([id]) => id),
        });
        console.log(`${page} ${formFactor}: done`);
      }
    }
  } finally {
    chrome.kill();
    site.close();
  }
  const load = os
    .loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
  console.log(table(scores));
  console.log(`load average at the end: ${load} (${os.cpus().length} cores)`);
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `lighthouse-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ load, goals: GOALS, scores }, null, 2));
  console.log(`scores: ${path.relative(PROJECT_ROOT, file)}`);
}

function table(scores: PageScore[]): string {
  const rows = scores.map((score) => {
    const goal = GOALS[score.formFactor];
    const met =
      score.performance >= goal.performance &&
      score.accessibility >= goal.accessibility &&
      (score.formFactor === 'desktop' || score.tbtMs <= GOALS.mobile.tbtMs);
    return [
      score.page,
      score.formFactor,
      String(score.performance),
      String(score.accessibility),
      String(score.tbtMs),
      String(score.lcpMs),
      met ? 'yes' : `NO${score.failedA11y.length > 0 ? ` (${score.failedA11y.join(', ')})` : ''}`,
    ];
  });
  const header = ['page', 'device', 'perf', 'a11y', 'TBT ms', 'LCP ms', 'met?'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [
    line(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
