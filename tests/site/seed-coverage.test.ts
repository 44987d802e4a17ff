import { beforeAll, describe, expect, it } from 'vitest';
import { loadStepsManifest } from '../../src/plugins/stepManifest';
import type { PageSteps, Step } from '../../src/remark/stepModel';
import { DOCS_DIR, inReadingOrder, readWalkthroughDocs } from '../e2e/support/docs';
import { readSeed, type SeedStep } from './seed';

const PASSWORD = 'cKiLy-5umju-GnxbP-Lfqpb';
const SEED_ARO_API_URL = 'https://api.azhnz6tm.eastus.aroapp.io:6443/';

/**
 * The seed lines the issue tells the pages to change, because as recorded they only work on the
 * author's clusters. Each must be gone from the steps, and its replacement present instead.
 */
const DELIBERATE_CHANGES = [
  {
    // Pod names carry a random suffix: the deployment finds whichever pod the reader's cluster made.
    seed: 'oc port-forward -n hello-world frontend-c684c5c45-295hd 8080:8080',
    replacement: /^oc port-forward -n hello-world deployment\/frontend 8080:8080$/,
  },
  {
    // Same reason: the label selects the reader's back-end pod, whatever its name.
    seed: 'oc delete pod backend-79c4d4676f-dw99z',
    replacement: /^oc delete pods? -l app=backend\b/,
  },
  {
    // The author's ARO cluster is not the reader's: a front-matter variable the runner substitutes.
    seed: `oc login -u kubeadmin ${SEED_ARO_API_URL}`,
    replacement: /^oc login -u kubeadmin "?\$\{?ARO_API_URL\}?"?$/,
  },
];

// The kubeadmin password in `crc start`'s recorded output is redacted (see tests/site/secrets.test.ts).
const REDACTED_OUTPUT = { seed: `  Password: ${PASSWORD}`, replacement: /^\s*Password: (?!cKiLy)\S+$/ };

const replacementOf = (line: string): string | RegExp =>
  DELIBERATE_CHANGES.find((change) => change.seed === line)?.replacement ?? line;
const linesOf = (text: string) => text.split('\n').map((line) => line.trimEnd());
const commandLines = (step: Step) => linesOf(step.command).filter((line) => line.trim() !== '');
const outputLines = (step: Step) => step.recordedOutputs.flatMap((output) => linesOf(output.text));

describe('the walkthrough pages against the seed', () => {
  let pages: PageSteps[];
  let steps: Step[];
  const seed = readSeed();

  beforeAll(async () => {
    const result = await loadStepsManifest(DOCS_DIR);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    // The manifest lists pages by file name; the story is told in sidebar order.
    // Only the hybrid-cloud walkthrough (the top of docs/) tells the seed's story; folders are others.
    const order = inReadingOrder(await readWalkthroughDocs()).map((doc) => doc.file.replace(/\.mdx?$/, ''));
    pages = result.manifest.pages
      .filter((page) => order.includes(page.pageId))
      .sort((a, b) => order.indexOf(a.pageId) - order.indexOf(b.pageId));
    steps = pages.flatMap((page) => page.steps);
  });

  it('has every command line of the seed in a step, in the seed order, apart from the deliberate changes', () => {
    const pageLines = steps.flatMap(commandLines);
    const missing: string[] = [];
    let position = 0;
    for (const line of seed.steps.flatMap((step) => step.commands)) {
      const change = DELIBERATE_CHANGES.find((candidate) => candidate.seed === line);
      const matches = (pageLine: string) => (change ? change.replacement.test(pageLine) : pageLine === line);
      const found = pageLines.findIndex((pageLine, index) => index >= position && matches(pageLine));
      if (found < 0) {
        const elsewhere = pageLines.some(matches);
        missing.push(elsewhere ? `${line}   (present, but out of the seed's order)` : line);
      } else {
        position = found + 1;
      }
    }
    expect(missing).toEqual([]);
  });

  it('makes each deliberate change: the seed line is gone, its replacement is there', () => {
    const pageLines = steps.flatMap(commandLines);
    for (const change of DELIBERATE_CHANGES) {
      expect(pageLines, `the seed's line is still a step: ${change.seed}`).not.toContain(change.seed);
      expect(
        pageLines.filter((line) => change.replacement.test(line)),
        `no step matches ${change.replacement}`,
      ).not.toEqual([]);
    }
  });

  it('declares ARO_API_URL in the front matter of the page that uses it, with the seed URL as example', () => {
    const users = pages.filter((page) => page.steps.some((step) => step.variables.includes('ARO_API_URL')));
    expect(users.map((page) => page.pageId)).not.toEqual([]);
    for (const page of users) expect(page.variables['ARO_API_URL']?.example).toBe(SEED_ARO_API_URL);
  });

  it('puts every recorded output line of the seed under its own step', () => {
    const misplaced: string[] = [];
    for (const seedStep of seed.steps) {
      const candidates = stepsLike(seedStep);
      const shown = new Set(candidates.flatMap(outputLines));
      const titles = new Set(
        candidates.flatMap((step) => step.recordedOutputs.map((output) => output.title)),
      );
      for (const output of seedStep.outputs) {
        if (output.title !== undefined && !titles.has(output.title)) {
          misplaced.push(`${seedStep.title}: no recorded output titled "${output.title}"`);
        }
        for (const line of output.lines) {
          const present =
            line === REDACTED_OUTPUT.seed
              ? [...shown].some((text) => REDACTED_OUTPUT.replacement.test(text))
              : shown.has(line);
          if (!present) misplaced.push(`${seedStep.title}: ${line}`);
        }
      }
    }
    expect(misplaced).toEqual([]);
  });

  /**
   * The page steps that stand for a seed step: those running a command line only that seed step has
   * (the pages may split a seed block in two), or, for a block of common lines only, the same title.
   */
  function stepsLike(seedStep: SeedStep): Step[] {
    const own = (line: string) => seed.steps.filter((other) => other.commands.includes(line)).length === 1;
    const ownLines = new Set(seedStep.commands.filter(own).map(replacementOf));
    const allLines = new Set(seedStep.commands.map(replacementOf));
    const runs = (step: Step, lines: Set<string | RegExp>) =>
      commandLines(step).some((line) =>
        [...lines].some((wanted) => (typeof wanted === 'string' ? wanted === line : wanted.test(line))),
      );
    return steps.filter(
      (step) => runs(step, ownLines) || (step.title === seedStep.title && runs(step, allLines)),
    );
  }
});
