// The remark plugin: annotates each step fence with its step data and folds its recorded outputs into
// it. MDX hands `data.hProperties` to the `code` element, so @theme/CodeBlock receives the step as a
// `data-step` prop (a JSON string); the output fences leave the tree and render inside the step.
import type { Nodes, Root } from 'mdast';
import { extractPageSteps, isOutputFence } from './extractPageSteps';
import { redactSecrets } from './redactSecrets';
import { pageIdFromPath } from './stepIds';

export const STEP_PROP = 'data-step';

export interface RemarkStepsOptions {
  /** Absolute path of the docs directory, to turn a file path into its doc id. Default: `<cwd>/docs`. */
  docsDir?: string;
}

/** The parts of a VFile the plugin reads; kept structural so this module needs no vfile import. */
interface SourceFile {
  path?: string;
  cwd: string;
  data: Record<string, unknown>;
  message(reason: string, place?: { line: number; column: number }): unknown;
}

function relativeTo(dir: string, path: string): string {
  const base = dir.replace(/\\/g, '/').replace(/\/+$/, '');
  const file = path.replace(/\\/g, '/');
  return file.startsWith(`${base}/`) ? file.slice(base.length + 1) : (file.split('/').pop() ?? file);
}

export function pageIdOf(
  file: Pick<SourceFile, 'path' | 'cwd'>,
  frontMatter: Record<string, unknown>,
  docsDir?: string,
): string {
  const relative = relativeTo(docsDir ?? `${file.cwd}/docs`, file.path ?? 'page.md');
  return pageIdFromPath(relative, frontMatter['id']);
}

function redactOutputs(node: Nodes): void {
  if (isOutputFence(node)) node.value = redactSecrets(node.value);
  if ('children' in node) (node.children as Nodes[]).forEach(redactOutputs);
}

export default function remarkSteps(options: RemarkStepsOptions = {}) {
  return (tree: Root, file: SourceFile): void => {
    const frontMatter = (file.data['frontMatter'] as Record<string, unknown> | undefined) ?? {};
    const { placements, problems } = extractPageSteps(tree, {
      pageId: pageIdOf(file, frontMatter, options.docsDir),
      frontMatter,
    });
    for (const problem of problems) {
      file.message(
        `[steps:${problem.code}] ${problem.message}`,
        problem.line ? { line: problem.line, column: 1 } : undefined,
      );
    }
    const absorbed = new Set<Nodes>();
    for (const { step, node, absorbed: nodes } of placements) {
      // `hProperties` is declared by mdast-util-to-hast's type augmentation, which Node-only builds
      // (server/tsconfig.json) do not load; the field is plain data either way.
      const data = (node.data ?? {}) as { hProperties?: Record<string, unknown> };
      node.data = {
        ...data,
        hProperties: { ...data.hProperties, [STEP_PROP]: JSON.stringify(step) },
      } as typeof node.data;
      nodes.forEach((absorbedNode) => absorbed.add(absorbedNode));
    }
    const parents = new Set(placements.map((placement) => placement.parent));
    for (const parent of parents) {
      (parent as { children: Nodes[] }).children = (parent.children as Nodes[]).filter(
        (child) => !absorbed.has(child),
      );
    }
    // Output fences that follow no step still render as they are: they get the same safety net.
    redactOutputs(tree);
  };
}
