// Prose for one setting only: `:::only{setting="laptop"}` … `:::` (or "hosted") becomes <RwOnlyIn>,
// which a page shows only where it runs (src/components/OnlyIn). The words around a laptop-only step
// ("the first start asks for your pull secret") mean nothing in a hosted workshop, where the step is
// hidden; a step itself says where it belongs with `only=` on its fence, which the manifest reads.
import type { Nodes, Parents, Root } from 'mdast';
import { isStepFence } from './extractPageSteps';
import { STEP_SETTINGS, type StepSetting } from './stepModel';

export const ONLY_IN_NAME = 'RwOnlyIn';

/** The fields of a remark-directive container that this plugin reads (kept structural: no import). */
interface Directive {
  type: 'containerDirective';
  name: string;
  attributes?: Record<string, string | null | undefined>;
  children: Nodes[];
  position?: { start: { line: number } };
}

/** The parts of a VFile the plugin reads. */
interface SourceFile {
  path?: string;
}

function isOnly(node: Nodes): boolean {
  const directive = node as unknown as Directive;
  return directive.type === 'containerDirective' && directive.name === 'only';
}

/** The setting a block names, or why it names none (then it is shown everywhere, and the build says so). */
export function blockSetting(attributes: Directive['attributes']): {
  setting?: StepSetting;
  problem?: string;
} {
  const value = attributes?.['setting'];
  const setting = STEP_SETTINGS.find((candidate) => candidate === value);
  if (setting) return { setting };
  return {
    problem: `:::only takes setting="${STEP_SETTINGS.join('" or setting="')}", not ${
      value == null ? 'nothing' : `"${value}"`
    }; its text is shown everywhere.`,
  };
}

function stepFenceIn(nodes: Nodes[]): boolean {
  return nodes.some(
    (node) => isStepFence(node) || ('children' in node && stepFenceIn(node.children as Nodes[])),
  );
}

function rewrite(parent: Parents, file: SourceFile): void {
  const children = parent.children as Nodes[];
  children.forEach((child, index) => {
    if ('children' in child) rewrite(child, file);
    if (!isOnly(child)) return;
    const directive = child as unknown as Directive;
    const where = `${file.path ?? 'a page'}:${directive.position?.start.line ?? '?'}`;
    const { setting, problem } = blockSetting(directive.attributes);
    if (stepFenceIn(directive.children))
      console.warn(
        `[only] ${where}: a step inside :::only is still run by a rehearsal in the other setting; give its fence only="…" instead.`,
      );
    if (problem !== undefined) console.warn(`[only] ${where}: ${problem}`);
    const attributes = setting ? [{ type: 'mdxJsxAttribute', name: 'setting', value: setting }] : [];
    children[index] = {
      type: 'mdxJsxFlowElement',
      name: setting ? ONLY_IN_NAME : null, // a fragment: shown everywhere
      attributes,
      children: directive.children,
    } as unknown as Nodes;
  });
}

export default function remarkSettingBlocks() {
  return (tree: Root, file: SourceFile): void => rewrite(tree, file);
}
