// The one parser of steps: from a Markdown tree to a page's steps. The remark plugin (build) and the
// manifest loader (server, rehearsal runner) both call it, so they agree on every id.
import type { Code, Nodes, Paragraph, Parents, Root } from 'mdast';
import { commandFromDisplay, variablesInCommand } from './commandText';
import { fenceInfo, parseFenceMeta } from './fenceMeta';
import { redactSecrets } from './redactSecrets';
import { StepIdAllocator } from './stepIds';
import {
  DEFAULT_TERMINAL,
  OUTPUT_LANGUAGES,
  STEP_LANGUAGES,
  STEP_SETTINGS,
  TERMINAL_NAME_PATTERN,
  type PageSteps,
  type PageVariable,
  type Step,
  type StepProblem,
} from './stepModel';

export interface ExtractOptions {
  pageId: string;
  frontMatter?: Record<string, unknown>;
  permalink?: string;
}

/** Where a step sits in the tree, so the remark plugin can annotate it and fold its outputs in. */
export interface StepPlacement {
  step: Step;
  node: Code;
  parent: Parents;
  /** Nodes the step absorbs: its recorded output fences, their `output:` lines, a `run:` line before it. */
  absorbed: Nodes[];
}

export interface ExtractedPage {
  page: PageSteps;
  placements: StepPlacement[];
  problems: StepProblem[];
}

const OUTPUT_LABEL = /^output\s*:?$/i;
const RUN_LABEL = /^run\s*:?$/i;

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function isStepFence(node: Nodes): node is Code {
  if (node.type !== 'code') return false;
  const { lang } = fenceInfo(node.lang, node.meta);
  return lang !== null && (STEP_LANGUAGES as readonly string[]).includes(lang);
}

/** An untagged or `text` fence: recorded output when it follows a step. */
export function isOutputFence(node: Nodes): node is Code {
  if (node.type !== 'code') return false;
  const { lang } = fenceInfo(node.lang, node.meta);
  return lang === null || (OUTPUT_LANGUAGES as readonly string[]).includes(lang);
}

function isLabel(node: Nodes | undefined, label: RegExp): node is Paragraph {
  return node?.type === 'paragraph' && label.test(textOf(node).trim());
}

function pageVariables(
  frontMatter: Record<string, unknown>,
  problems: StepProblem[],
): Record<string, PageVariable> {
  const declared = frontMatter['variables'];
  if (declared === undefined) return {};
  if (typeof declared !== 'object' || declared === null || Array.isArray(declared)) {
    problems.push({
      code: 'invalid-variables',
      message: 'Front-matter `variables` must map each NAME to { description, example }; it was ignored.',
    });
    return {};
  }
  const variables: Record<string, PageVariable> = {};
  for (const [name, value] of Object.entries(declared)) {
    const entry = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
    const description = typeof entry['description'] === 'string' ? entry['description'] : undefined;
    const example =
      entry['example'] === undefined || entry['example'] === null ? undefined : String(entry['example']);
    variables[name] = {
      ...(description !== undefined && { description }),
      ...(example !== undefined && { example }),
    };
  }
  return variables;
}

function firstHeading(tree: Root): string | undefined {
  const heading = tree.children.find((node) => node.type === 'heading' && node.depth === 1);
  return heading ? textOf(heading).trim() : undefined;
}

export function extractPageSteps(tree: Root, options: ExtractOptions): ExtractedPage {
  const frontMatter = options.frontMatter ?? {};
  const problems: StepProblem[] = [];
  const variables = pageVariables(frontMatter, problems);
  const ids = new StepIdAllocator(options.pageId);
  const placements: StepPlacement[] = [];
  let section: string | undefined;

  const buildStep = (node: Code, outputs: Code[]): Step => {
    const meta = parseFenceMeta(fenceInfo(node.lang, node.meta).meta);
    const line = node.position?.start.line;
    const title = meta.values['title'] || undefined;
    let terminal = (meta.values['terminal'] ?? DEFAULT_TERMINAL).toLowerCase();
    if (!TERMINAL_NAME_PATTERN.test(terminal)) {
      problems.push({
        code: 'invalid-terminal',
        message: `terminal="${terminal}" is not a terminal name (1-48 of a-z, 0-9, ".", "_", "-"); the step runs in "${DEFAULT_TERMINAL}".`,
        line,
      });
      terminal = DEFAULT_TERMINAL;
    }
    let expect = meta.values['expect'];
    if (expect !== undefined) {
      try {
        new RegExp(expect);
      } catch (error) {
        problems.push({
          code: 'invalid-expect',
          message: `expect="${expect}" is not a regular expression (${(error as Error).message}); it was ignored.`,
          line,
        });
        expect = undefined;
      }
    }
    const flag = (name: string) => meta.flags.includes(name) || meta.values[name] === 'true';
    const only = meta.values['only'];
    const setting = STEP_SETTINGS.find((candidate) => candidate === only);
    if (only !== undefined && !setting)
      problems.push({
        code: 'invalid-only',
        message: `only="${only}" is not one of ${STEP_SETTINGS.join(', ')}; the step is shown everywhere.`,
        line,
      });
    const command = commandFromDisplay(node.value);
    if (command === '') {
      problems.push({
        code: 'empty-command',
        message: 'This step has no command to run; add one or tag the fence `text`.',
        line,
      });
    }
    return {
      id: ids.next(title, section),
      pageId: options.pageId,
      index: placements.length,
      ...(title !== undefined && { title }),
      lang: fenceInfo(node.lang, node.meta).lang ?? '',
      terminal,
      command,
      display: node.value,
      norun: flag('norun'),
      background: flag('background'),
      ...(expect !== undefined && { expect }),
      ...(setting !== undefined && { only: setting }),
      recordedOutputs: outputs.map((output) => {
        const outputTitle = parseFenceMeta(fenceInfo(output.lang, output.meta).meta).values['title'];
        return { ...(outputTitle && { title: outputTitle }), text: redactSecrets(output.value) };
      }),
      variables: variablesInCommand(command, Object.keys(variables)),
    };
  };

  const scan = (parent: Parents): void => {
    const children = parent.children as Nodes[];
    let i = 0;
    while (i < children.length) {
      const node = children[i] as Nodes;
      if (!isStepFence(node)) {
        if (node.type === 'heading') section = textOf(node).trim();
        if ('children' in node) scan(node);
        i += 1;
        continue;
      }
      const absorbed: Nodes[] = [];
      const before = children[i - 1];
      if (isLabel(before, RUN_LABEL)) absorbed.push(before);
      const outputs: Code[] = [];
      let j = i + 1;
      for (;;) {
        const next = children[j];
        if (next && isOutputFence(next)) {
          outputs.push(next);
          absorbed.push(next);
          j += 1;
        } else if (
          isLabel(next, OUTPUT_LABEL) &&
          children[j + 1] &&
          isOutputFence(children[j + 1] as Nodes)
        ) {
          absorbed.push(next);
          j += 1;
        } else {
          break;
        }
      }
      placements.push({ step: buildStep(node, outputs), node, parent, absorbed });
      i = j;
    }
  };
  scan(tree);

  const title =
    typeof frontMatter['title'] === 'string' ? frontMatter['title'] : (firstHeading(tree) ?? options.pageId);
  return {
    page: {
      pageId: options.pageId,
      title,
      ...(options.permalink !== undefined && { permalink: options.permalink }),
      variables,
      steps: placements.map((placement) => placement.step),
    },
    placements,
    problems,
  };
}
