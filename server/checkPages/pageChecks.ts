// The checks that need one page only: bash syntax, recorded outputs (secrets, pairs), files it names.
import type { Code, Nodes, Root } from 'mdast';
import { frontMatterOf, parserFor } from '../../src/plugins/loadStepsManifest';
import { candidateFiles, localFileExists, type SiteDirs } from '../../src/plugins/localFiles';
import { splitTranscript } from '../../src/remark/commandText';
import { extractPageSteps, isOutputFence, OUTPUT_LABEL } from '../../src/remark/extractPageSteps';
import { isLocalImage } from '../../src/remark/missingImages';
import { fromMkdocs } from '../../src/remark/mkdocsDialect';
import { redactSecrets } from '../../src/remark/redactSecrets';
import { pageIdFromPath } from '../../src/remark/stepIds';
import type { Step } from '../../src/remark/stepModel';
import { bashSyntaxError } from './bashSyntax';
import { finding, type Finding } from './findings';

export interface PageToCheck {
  /** How findings name the page (relative to the working directory). */
  file: string;
  absolutePath: string;
  /** Path under the docs directory, for the page id. */
  relativePath: string;
  source: string;
}

export interface PlacedStep {
  step: Step;
  /** Source line of the command's first line; `lineOf(i)` for its i-th line (0-based). */
  lineOf: (commandLine: number) => number;
}

export interface CheckedPage {
  file: string;
  pageId: string;
  declaredVariables: string[];
  steps: PlacedStep[];
  findings: Finding[];
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

function walk(node: Nodes, visit: (node: Nodes, parent: Nodes | undefined, index: number) => void): void {
  if (!('children' in node)) return;
  (node.children as Nodes[]).forEach((child, index) => {
    visit(child, node, index);
    walk(child, visit);
  });
}

/** The first line where redaction changes the text: where a secret-looking value sits. */
function firstSecretLine(text: string): number | null {
  const redacted = redactSecrets(text).split('\n');
  const index = text.split('\n').findIndex((line, i) => line !== redacted[i]);
  return index < 0 ? null : index;
}

const HTML_SOURCES = /<(img|a)\b[^>]*?\b(src|href)\s*=\s*["']([^"']+)["']/gi;
const LINKED_FILE = /\.(mdx?|png|jpe?g|gif|svg|webp|pdf|txt|ya?ml|json|sh|zip|tar\.gz)$/i;

export function checkPage(page: PageToCheck, dirs: SiteDirs): CheckedPage {
  const dialect = fromMkdocs(page.source);
  const sourceLine = (line: number) => dialect.originalLine[line - 1] ?? line;
  const tree = parserFor(page.relativePath).parse(dialect.markdown) as Root;
  const frontMatter = frontMatterOf(tree);
  const pageId = pageIdFromPath(page.relativePath, frontMatter['id']);
  const { page: steps, placements, problems } = extractPageSteps(tree, { pageId, frontMatter });
  const findings: Finding[] = problems.map((problem) =>
    finding(page.file, sourceLine(problem.line ?? 1), 'invalid-step', problem.message),
  );
  const add = (line: number, code: Parameters<typeof finding>[2], message: string) =>
    findings.push(finding(page.file, line, code, message));

  const placed: PlacedStep[] = placements.map(({ step, node }) => {
    const fence = node.position?.start.line ?? 1;
    const display = node.value.split('\n');
    const commandLines = step.command.split('\n');
    let from = 0;
    const offsets = commandLines.map((text) => {
      const at = display.findIndex((shown, k) => k >= from && shown.includes(text.trim()));
      if (at >= 0) from = at;
      return at >= 0 ? at : from;
    });
    return {
      step,
      lineOf: (i: number) => sourceLine(fence + 1 + (offsets[Math.min(i, offsets.length - 1)] ?? 0)),
    };
  });

  for (const { step, lineOf } of placed) {
    if (step.norun || step.command === '') continue;
    const error = bashSyntaxError(step.command);
    if (error) add(lineOf(error.line), 'bash-syntax', `bash cannot parse this step: ${error.message}`);
  }

  const absorbed = new Set<Nodes>(placements.flatMap((placement) => placement.absorbed));
  const steps_ = new Set<Nodes>(placements.map((placement) => placement.node));
  walk(tree, (node, parent, index) => {
    const line = sourceLine(node.position?.start.line ?? 1);
    if (node.type === 'code') {
      const recorded = isOutputFence(node) || absorbed.has(node) ? node.value : stepOutput(node, steps_);
      const secret = recorded === null ? null : firstSecretLine(recorded);
      if (secret !== null)
        add(
          sourceLine((node.position?.start.line ?? 1) + 1 + secret),
          'secret-in-output',
          'a recorded output shows a secret-looking value (password, token, key): write <redacted> instead',
        );
      const before = parent && 'children' in parent ? (parent.children as Nodes[])[index - 1] : undefined;
      if (isOutputFence(node) && !absorbed.has(node) && before && OUTPUT_LABEL.test(textOf(before).trim()))
        add(
          line,
          'unpaired-output',
          'this recorded output follows no step: put it right after the step it belongs to',
        );
    }
    if (
      node.type === 'image' &&
      isLocalImage(node.url) &&
      !localFileExists(node.url, page.absolutePath, dirs)
    )
      add(
        line,
        'missing-image',
        `picture not found: ${node.url} (looked for ${candidateFiles(node.url, page.absolutePath, dirs).join(', ')})`,
      );
    if (node.type === 'image' && /^(https?:)?\/\//i.test(node.url))
      add(line, 'remote-image', `picture from another site: ${node.url} (readers offline see it broken)`);
    if (
      (node.type === 'link' || node.type === 'definition') &&
      isLocalFileLink(node.url) &&
      !localFileExists(node.url, page.absolutePath, dirs)
    )
      add(line, 'missing-link', `link to a file that is not there: ${node.url}`);
    if (node.type === 'html') {
      for (const match of node.value.matchAll(HTML_SOURCES)) {
        const url = match[3] ?? '';
        const isImage = (match[1] ?? '').toLowerCase() === 'img';
        if (
          !(isImage ? isLocalImage(url) : isLocalFileLink(url)) ||
          localFileExists(url, page.absolutePath, dirs)
        )
          continue;
        add(
          line,
          isImage ? 'missing-image' : 'missing-link',
          `${isImage ? 'picture' : 'linked file'} not found: ${url}`,
        );
      }
    }
  });
  return {
    file: page.file,
    pageId,
    declaredVariables: Object.keys(steps.variables),
    steps: placed,
    findings,
  };
}

function isLocalFileLink(url: string): boolean {
  return isLocalImage(url) && LINKED_FILE.test(url.split(/[?#]/)[0] ?? '');
}

/** A step's own transcript (a `console` block with pasted output) is a recorded output too. */
function stepOutput(node: Code, steps: Set<Nodes>): string | null {
  return steps.has(node) && splitTranscript(node.value).output !== '' ? node.value : null;
}
