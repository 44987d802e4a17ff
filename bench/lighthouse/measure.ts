/** Lighthouse over a static build: served as a host serves it, each page desktop and mobile, the median of `runs`. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import serveHandler from 'serve-handler';
import { compressed } from '../../server/workshop/http/compressed';
import { percentile } from '../stats';

export type FormFactor = 'desktop' | 'mobile';

export interface PageScore {
  page: string;
  formFactor: FormFactor;
  /** Medians over the runs (one run judges a page within about ±10 points on this machine). */
  performance: number;
  accessibility: number;
  tbtMs: number;
  lcpMs: number;
  /** Every run's performance score, to show the spread. */
  performanceRuns: number[];
  /** Accessibility audits that failed in any run, by id. */
  failedA11y: string[];
}

interface LighthouseResult {
  lhr: {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { score: number | null; numericValue?: number; scoreDisplayMode?: string }>;
  };
}

export function sitemapPages(buildDir: string): string[] {
  const sitemap = readFileSync(path.join(buildDir, 'sitemap.xml'), 'utf8');
  return [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1] ?? '/').pathname);
}

export async function serve(buildDir: string): Promise<{ origin: string; close(): void }> {
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

const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );

export async function measurePages(
  origin: string,
  pages: string[],
  options: { chromePort: number; runs: number; log: (line: string) => void },
): Promise<PageScore[]> {
  // Lighthouse is an ES module: imported, not required.
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const scores: PageScore[] = [];
  for (const page of pages) {
    for (const formFactor of ['desktop', 'mobile'] as const) {
      const runs: LighthouseResult['lhr'][] = [];
      for (let run = 0; run < options.runs; run++) {
        const result = (await lighthouse(
          `${origin}${page}`,
          {
            port: options.chromePort,
            output: 'json',
            logLevel: 'error',
            onlyCategories: ['performance', 'accessibility'],
          },
          formFactor === 'desktop' ? desktopConfig : undefined,
        )) as unknown as LighthouseResult;
        runs.push(result.lhr);
      }
      const score = (lhr: LighthouseResult['lhr'], id: string) =>
        Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const audit = (lhr: LighthouseResult['lhr'], id: string) =>
        Math.round(lhr.audits[id]?.numericValue ?? NaN);
      const performanceRuns = runs.map((lhr) => score(lhr, 'performance'));
      scores.push({
        page,
        formFactor,
        performance: median(performanceRuns),
        accessibility: median(runs.map((lhr) => score(lhr, 'accessibility'))),
        tbtMs: median(runs.map((lhr) => audit(lhr, 'total-blocking-time'))),
        lcpMs: median(runs.map((lhr) => audit(lhr, 'largest-contentful-paint'))),
        performanceRuns,
        failedA11y: [
          ...new Set(
            runs.flatMap((lhr) =>
              Object.entries(lhr.audits)
                .filter(([, a]) => a.score === 0 && a.scoreDisplayMode === 'binary')
                .map(([id]) => id),
            ),
          ),
        ],
      });
      options.log(`${page} ${formFactor}: done`);
    }
  }
  return scores;
}
