/**
 * `--update-outputs`: a step's actual output written back into its page as its recorded output. Only
 * the lines inside the output's fence change; a page whose fences cannot be found again exactly as
 * parsed (an mkdocs block, several outputs for one step, a transcript) is reported, never guessed at.
 */
import type { Code, Root } from 'mdast';
import { parserFor } from '../../src/plugins/loadStepsManifest';
import { extractPageSteps, isOutputFence } from '../../src/remark/extractPageSteps';
import { fromMkdocs } from '../../src/remark/mkdocsDialect';
import { pageIdFromPath } from '../../src/remark/stepIds';
import { frontMatterOf } from '../../src/plugins/loadStepsManifest';

export interface NewOutput {
  stepId: string;
  /** What the step printed, secrets already redacted. */
  text: string;
}

export interface RecordingResult {
  /** The page with the new outputs, or unchanged. */
  source: string;
  updated: string[];
  /** Step id and why its output was left as it is. */
  refused: { stepId: string; reason: string }[];
}

const FENCE_LINE = /^(\s*)(`{3,}|~{3,})/;

interface SourceLines {
  /** The fence's first and last lines in the page source, or why they cannot be trusted. */
  start: number;
  end: number;
}

/**
 * Where the fence is in the source. The tree was parsed from the page after mkdocsDialect.ts; a fence
 * it dedented (inside `!!! note`) does not read the same in the source and is refused.
 */
function fenceInSource(
  node: Code,
  source: readonly string[],
  converted: readonly string[],
  originalLine: readonly number[],
): SourceLines | string {
  const first = node.position?.start.line;
  const last = node.position?.end.line;
  if (first === undefined || last === undefined) return 'its output has no position in the page';
  const start = originalLine[first - 1] ?? -1;
  for (let line = first; line <= last; line += 1) {
    const at = originalLine[line - 1] ?? -1;
    if (at !== start + (line - first) || source[at - 1] !== converted[line - 1])
      return 'its output sits in an indented mkdocs-material block: update it by hand';
  }
  const end = start + (last - first);
  const open = FENCE_LINE.exec(source[start - 1] ?? '');
  const close = FENCE_LINE.exec(source[end - 1] ?? '');
  if (!open || !close || end === start || close[2]?.[0] !== open[2]?.[0])
    return 'its output is not a closed ``` or ~~~ fence';
  return { start, end };
}

/** Writes `outputs` into the page at `relativePath` (under docs/), fence by fence. */
export function recordOutputs(
  source: string,
  relativePath: string,
  outputs: readonly NewOutput[],
): RecordingResult {
  const dialect = fromMkdocs(source);
  const converted = dialect.markdown.split('\n');
  const tree = parserFor(relativePath).parse(dialect.markdown) as Root;
  const frontMatter = frontMatterOf(tree);
  const { placements } = extractPageSteps(tree, {
    pageId: pageIdFromPath(relativePath, frontMatter['id']),
    frontMatter,
  });
  const lines = source.split('\n');
  const edits: { start: number; end: number; text: string[] }[] = [];
  const updated: string[] = [];
  const refused: RecordingResult['refused'] = [];

  for (const { stepId, text } of outputs) {
    const placement = placements.find((candidate) => candidate.step.id === stepId);
    const fences = (placement?.absorbed ?? []).filter((node): node is Code => node.type === 'code');
    const refuse = (reason: string) => refused.push({ stepId, reason });
    if (!placement) {
      refuse('the step is no longer on the page');
      continue;
    }
    if (fences.length !== 1) {
      refuse(
        fences.length === 0
          ? 'it has no recorded output block to update'
          : 'it has several recorded outputs: which part is which cannot be known',
      );
      continue;
    }
    const fence = fences[0] as Code;
    if (!isOutputFence(fence)) {
      refuse('its recorded output is a transcript with commands in it');
      continue;
    }
    const place = fenceInSource(fence, lines, converted, dialect.originalLine);
    if (typeof place === 'string') {
      refuse(place);
      continue;
    }
    const { start, end } = place;
    const open = FENCE_LINE.exec(lines[start - 1] ?? '');
    const indent = open?.[1] ?? '';
    const marker = open?.[2] ?? '```';
    const newLines = text.split('\n').map((line) => line.trimEnd());
    if (newLines.some((line) => line.trimStart().startsWith(marker))) {
      refuse(`its new output has a line starting with ${marker}, which would end the fence`);
      continue;
    }
    edits.push({ start, end, text: newLines.map((line) => (line === '' ? '' : `${indent}${line}`)) });
    updated.push(stepId);
  }
  // From the bottom up, so earlier line numbers stay true.
  for (const edit of edits.sort((a, b) => b.start - a.start))
    lines.splice(edit.start, edit.end - edit.start - 1, ...edit.text);
  return { source: edits.length ? lines.join('\n') : source, updated, refused };
}
