/**
 * Pages written for elsewhere, dropped unedited into docs/ of a copy of the site (a GitHub README, an
 * mkdocs-material page, an MDX page, and the original seed page with its missing pictures), built as
 * `npm run build` does and served by `npm run live`: real build, real shells, real Chromium.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeProblems,
  hasProblems,
  launchBrowser,
  type BrowserSession,
  type PageProblems,
} from '../support/browser';
import { openConnectedPage, waitForTerminalText } from '../support/liveShells';
import { startLiveInScratchHome, type ScratchLiveSite } from '../support/liveShells';
import { buildScratchSite, SCRATCH_BUILD_TIMEOUT_MS, type ScratchSite } from '../support/scratchSite';
import { liveAvailability, PROJECT_ROOT } from '../support/site';
import { stepButton, stepLocator, waitForStepState } from '../runner/support';

const FIXTURES = 'tests/remark/__fixtures__/authored';
const DROPPED = [
  { to: 'dropped/github-readme.md', from: `${FIXTURES}/github-readme.md` },
  { to: 'dropped/mkdocs-material.md', from: `${FIXTURES}/mkdocs-material.md` },
  { to: 'dropped/mdx-page.mdx', from: `${FIXTURES}/mdx-page.mdx` },
  { to: 'dropped/seed.md', from: `${FIXTURES}/hybrid-cloud-walkthrough.md` },
];

/** For each kind of page: a step to run, what it prints, and its recorded output. */
const RUNS = [
  {
    kind: 'a GitHub README',
    path: '/dropped/github-readme',
    step: 'dropped/github-readme/step-1-say-hello-step-1',
    prints: 'hello from the README',
  },
  {
    kind: 'an mkdocs-material page (a `➜  ~` prompt)',
    path: '/dropped/mkdocs-material',
    step: 'dropped/mkdocs-material/start-the-demo',
    prints: 'started',
  },
  {
    kind: 'an MDX page (a step inside JSX tabs)',
    path: '/dropped/mdx-page',
    step: 'dropped/mdx-page/from-mdx',
    prints: 'mdx says hi',
  },
];

const availability = liveAvailability();

describe.skipIf(!availability.available)('pages dropped unedited into docs/', () => {
  let site: ScratchSite;
  let live: ScratchLiveSite;
  let browser: BrowserSession;

  beforeAll(async () => {
    site = await buildScratchSite(DROPPED);
    live = await startLiveInScratchHome({ fakes: false, buildDir: site.buildDir });
    browser = await launchBrowser();
  }, SCRATCH_BUILD_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await live?.close();
    await site?.remove();
  });

  it('build with no warning and no error', () => {
    const warnings = site.output.split('\n').filter((line) => /\b(warn|warning|error)\b/i.test(line));
    expect(warnings, site.output).toEqual([]);
  });

  for (const run of RUNS) {
    it(`runs a step of ${run.kind} and shows its output and its recorded output`, async () => {
      const { page, problems } = await openConnectedPage(browser, live, run.path);
      const step = stepLocator(page, run.step);
      expect(await step.locator('[data-recorded-output]').count()).toBeGreaterThan(0);
      await stepButton(page, run.step, 'Run').click();
      expect(await waitForStepState(page, run.step, ['passed', 'failed'])).toBe('passed');
      await waitForTerminalText(page, 'main', run.prints);
      expect(await step.locator('[data-output-matches]').getAttribute('data-output-matches')).toBe('true');
      const ours = withoutRemoteBadge(problems);
      expect(hasProblems(ours), describeProblems(run.path, ours)).toBe(false);
      await page.close();
    });
  }

  it('shows the seed page with its steps, admonitions and a placeholder for each missing picture', async () => {
    const { page, problems } = await openConnectedPage(browser, live, '/dropped/seed');
    expect(await page.locator('[data-step-id]').count()).toBe(18);
    expect(await admonitionKinds(page)).toEqual(['note', 'warning']);
    const placeholders = page.locator('.rw-missing-image');
    expect(await placeholders.count()).toBe(5);
    expect(await placeholders.first().innerText()).toContain('../images/multicluster-mono.drawio.png');
    expect(await page.locator('main img').count()).toBe(0);
    expect(hasProblems(problems), describeProblems('/dropped/seed', problems)).toBe(false);
    await page.close();
  });

  it('has check-pages report each of the seed page’s missing pictures in the copy’s docs/, with its line', async () => {
    const docs = path.join(site.siteDir, 'docs');
    const stdout = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        [
          '--import',
          'tsx',
          path.join(PROJECT_ROOT, 'server/checkPages/cli.ts'),
          '--docs',
          docs,
          '--site',
          site.siteDir,
          path.join(docs, 'dropped'),
        ],
        { cwd: PROJECT_ROOT },
        (_error, out) => resolve(out),
      ),
    );
    const missing = stdout.split('\n').filter((line) => line.includes('missing-image'));
    expect(missing.map((line) => /seed\.md:(\d+):/.exec(line)?.[1])).toEqual([
      '28',
      '187',
      '199',
      '320',
      '352',
    ]);
  });

  it('shows mkdocs-material admonitions and content tabs as Docusaurus ones', async () => {
    const { page } = await openConnectedPage(browser, live, '/dropped/mkdocs-material');
    expect(await admonitionKinds(page)).toEqual(['note', 'warning', 'note', 'note', 'tip', 'danger']);
    const tabs = page.locator('article').getByRole('tab');
    expect(await tabs.allInnerTexts()).toEqual(['Linux', 'macOS']);
    await tabs.nth(1).click();
    await stepLocator(page, 'dropped/mkdocs-material/on-mac').waitFor({ state: 'visible' });
    await page.close();
  });
});

/**
 * The README shows a CI badge from github.com, as real READMEs do. The tests' browser refuses every
 * request off this machine, so that one picture fails; `check-pages` warns about it (remote-image).
 */
function withoutRemoteBadge(problems: PageProblems): PageProblems {
  const entries = Object.entries(problems).map(([kind, list]: [string, string[]]) => [
    kind,
    list.filter(
      (entry) => !entry.includes('https://github.com/example/hello/actions/workflows/main.yaml/badge.svg'),
    ),
  ]);
  return Object.fromEntries(entries) as PageProblems;
}

async function admonitionKinds(page: Page): Promise<string[]> {
  return page
    .locator('main .theme-admonition')
    .evaluateAll((elements) =>
      elements.map((element) => /theme-admonition-(\w+)/.exec(element.className)?.[1] ?? '?'),
    );
}
