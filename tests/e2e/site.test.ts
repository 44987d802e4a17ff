import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from './support/siteAndBrowser';
import { describeProblems, hasProblems, openPage, type PageProblems } from './support/browser';
import { readDocs, type DocSource } from './support/docs';
import {
  admonitions,
  codeBlockTitles,
  loadImages,
  pageHeading,
  waitForMermaid,
  type Admonition,
  type ImageReport,
} from './support/pageReport';
import {
  afterLoadBytes,
  describeScripts,
  firstLoadBytes,
  kib,
  recordScripts,
  type LoadedScript,
} from './support/scripts';
import { BUILD_HOOK_TIMEOUT_MS, serveSite, sitemapPaths } from './support/site';
import { readSeed } from '../site/seed';

interface PageReport {
  path: string;
  heading: string;
  problems: PageProblems;
  images: ImageReport[];
  expectedDiagrams: number;
  diagrams: number;
  scripts: LoadedScript[];
  titles: string[];
  admonitions: Admonition[];
}

const NOT_FOUND_PATH = '/this-page-does-not-exist';
/**
 * The most JavaScript (gzip) a page may run to show itself to a first-time reader: what it requests
 * up to its load event, prefetches of other pages left out (the goal, #8).
 */
const FIRST_LOAD_BUDGET_KIB = 200;

// One crawl of the whole static build, as a first-time reader with an empty cache; the tests below
// each judge one aspect of it.
describe('the static build, served with `npm run serve`', () => {
  const e2e = useSiteAndBrowser(() => serveSite());
  let docs: DocSource[];
  const reports: PageReport[] = [];

  beforeAll(async () => {
    docs = await readDocs();
    for (const sitePath of await sitemapPaths()) reports.push(await visit(sitePath));
  }, BUILD_HOOK_TIMEOUT_MS);

  async function visit(sitePath: string): Promise<PageReport> {
    let readScripts: () => Promise<LoadedScript[]> = async () => [];
    const { page, problems } = await openPage(e2e.browser, e2e.site.url(sitePath), {
      disableCache: true,
      beforeNavigate: (tab) => void (readScripts = recordScripts(tab)),
    });
    const heading = await pageHeading(page);
    const expectedDiagrams = docs
      .filter((doc) => doc.heading === heading)
      .reduce((sum, doc) => sum + doc.mermaidFences, 0);
    const report: PageReport = {
      path: sitePath,
      heading,
      problems,
      expectedDiagrams,
      diagrams: await waitForMermaid(page, expectedDiagrams),
      images: await loadImages(page),
      scripts: await readScripts(),
      titles: await codeBlockTitles(page),
      admonitions: await admonitions(page),
    };
    await page.close();
    return report;
  }

  it('lists the walkthrough pages in its sitemap', () => {
    const headings = reports.map((report) => report.heading);
    for (const doc of docs)
      expect(headings, `docs/${doc.file} has no page in the sitemap`).toContain(doc.heading);
  });

  it('loads every page with no console error, page error, failed request or request off this machine', () => {
    const troubled = reports.filter((report) => hasProblems(report.problems));
    expect(troubled.map((report) => describeProblems(report.path, report.problems))).toEqual([]);
    expect(e2e.browser.offHostRequests).toEqual([]);
  });

  it('answers an unknown path with the not-found page, without errors', async () => {
    const { page, problems } = await openPage(e2e.browser, e2e.site.url(NOT_FOUND_PATH), {
      documentStatus: 404,
    });
    expect(await page.locator('h1').first().innerText()).toMatch(/not found/i);
    expect(describeProblems(NOT_FOUND_PATH, problems)).toBe(`${NOT_FOUND_PATH}: no problems`);
    await page.close();
  });

  it('loads every image on every page', () => {
    const broken = reports.flatMap((report) =>
      report.images
        .filter((image) => image.naturalWidth === 0)
        .map((image) => `${report.path}: ${image.src}`),
    );
    expect(broken).toEqual([]);
    expect(reports.flatMap((report) => report.images).length).toBeGreaterThan(0);
  });

  it('draws every mermaid fence of docs/ as an SVG on its page', () => {
    const fences = docs.reduce((sum, doc) => sum + doc.mermaidFences, 0);
    expect(fences, 'docs/ has no mermaid diagram to check').toBeGreaterThan(0);
    const perPage = reports.map((report) => `${report.path}: ${report.diagrams}/${report.expectedDiagrams}`);
    const expected = reports.map(
      (report) => `${report.path}: ${report.expectedDiagrams}/${report.expectedDiagrams}`,
    );
    expect(perPage).toEqual(expected);
    expect(reports.reduce((sum, report) => sum + report.diagrams, 0)).toBe(fences);
  });

  it('loads no xterm.js code on first load of any page (the terminal loads lazily)', () => {
    for (const report of reports) console.log(describeScripts(report.path, report.scripts));
    console.log(
      'first-load JavaScript (gzip, up to the load event, prefetches left out; then what loads after it):\n' +
        reports
          .map(
            (report) =>
              `  ${report.path}: ${kib(firstLoadBytes(report.scripts))}` +
              ` (+${kib(afterLoadBytes(report.scripts))} after load)`,
          )
          .join('\n'),
    );
    const withXterm = reports.flatMap((report) =>
      report.scripts
        .filter((script) => script.xtermMarkers.length > 0)
        .map((script) => `${report.path}: ${script.url} (${script.xtermMarkers.join(', ')})`),
    );
    expect(withXterm).toEqual([]);
    expect(reports.every((report) => firstLoadBytes(report.scripts) > 0)).toBe(true);
  });

  it(`runs at most ${FIRST_LOAD_BUDGET_KIB} KiB of JavaScript (gzip) to show any page`, () => {
    const overBudget = reports
      .filter((report) => firstLoadBytes(report.scripts) > FIRST_LOAD_BUDGET_KIB * 1024)
      .map((report) => describeScripts(report.path, report.scripts));
    expect(overBudget, `pages over ${FIRST_LOAD_BUDGET_KIB} KiB:\n${overBudget.join('\n')}`).toEqual([]);
  });

  it('shows every block title of the seed above its code block', () => {
    const shown = reports.flatMap((report) => report.titles);
    const missing = readSeed().titles.filter((title) => {
      const index = shown.indexOf(title);
      if (index >= 0) shown.splice(index, 1); // a title the seed uses twice must be shown twice
      return index < 0;
    });
    expect(missing).toEqual([]);
  });

  it("renders each of the seed's `???+ note` / `???+ warning` blocks as an admonition of that kind", () => {
    const shown = reports.flatMap((report) => report.admonitions);
    for (const kind of ['note', 'warning']) {
      const inSeed = readSeed().admonitions.filter((admonition) => admonition.kind === kind).length;
      expect(
        shown.filter((admonition) => admonition.kind === kind).length,
        `${kind} admonitions`,
      ).toBeGreaterThanOrEqual(inSeed);
    }
    // The issue names this one: Skupper versus Submariner stays a note.
    expect(
      shown.some((admonition) => admonition.kind === 'note' && admonition.text.includes('Submariner')),
    ).toBe(true);
  });
});
