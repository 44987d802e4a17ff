import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A copy of ../shared/seed/hybrid-cloud-walkthrough.md: CI clones this repository alone.
export const SEED_PATH = fileURLToPath(new URL('./__fixtures__/seed.md', import.meta.url));

/** The seed's prompt prefix: shown in the seed, never part of the command. */
const PROMPT = /^➜ {2}~ /;

export interface SeedOutput {
  title: string | undefined;
  /** Non-blank lines, trailing spaces trimmed (the seed has many that mean nothing). */
  lines: string[];
}

export interface SeedStep {
  title: string | undefined;
  /** Command lines with the prompt stripped, as the reader's shell receives them. */
  commands: string[];
  /** Recorded outputs that follow the step, before the next step. */
  outputs: SeedOutput[];
}

export interface SeedAdmonition {
  kind: string;
  /** The admonition's text with whitespace collapsed. */
  text: string;
}

export interface Seed {
  steps: SeedStep[];
  admonitions: SeedAdmonition[];
  /** Every `title="..."` of every fence, in order, duplicates kept. */
  titles: string[];
}

const SHELL_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);

export function readSeed(markdown = readFileSync(SEED_PATH, 'utf8')): Seed {
  const lines = markdown.split('\n');
  const seed: Seed = { steps: [], admonitions: [], titles: [] };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = line.match(/^```(\S*)\s*(.*?)\s*$/);
    if (fence) {
      const body: string[] = [];
      for (index++; index < lines.length && !/^```\s*$/.test(lines[index] ?? ''); index++) {
        body.push(lines[index] ?? '');
      }
      const language = fence[1] ?? '';
      const title = fence[2]?.match(/title="([^"]*)"/)?.[1];
      if (title !== undefined) seed.titles.push(title);
      const content = body.map((text) => text.trimEnd()).filter((text) => text.trim() !== '');
      if (SHELL_LANGUAGES.has(language)) {
        seed.steps.push({ title, commands: content.map((text) => text.replace(PROMPT, '')), outputs: [] });
      } else {
        seed.steps.at(-1)?.outputs.push({ title, lines: content });
      }
      continue;
    }
    const admonition = line.match(/^\?\?\?\+ (\w+)/);
    if (admonition) {
      const body: string[] = [];
      while (index + 1 < lines.length && /^(\s|$)/.test(lines[index + 1] ?? ''))
        body.push(lines[++index] ?? '');
      seed.admonitions.push({ kind: admonition[1] ?? '', text: body.join(' ').replace(/\s+/g, ' ').trim() });
    }
  }
  return seed;
}
