// Content tabs: the `tabs` directive that mkdocsDialect.ts writes for mkdocs-material's `=== "Tab"`
// blocks becomes Docusaurus's <Tabs> with one <TabItem> per `tab` directive. The page gets the import
// itself (an ESM node, as MDX writes for `import`), so only pages with tabs load the Tabs code, and
// under names of their own, so an MDX page importing Tabs as well does not clash.
import type { Nodes, Parents, Root } from 'mdast';
import { slugify } from './stepIds';

/** The fields of a remark-directive container that this plugin reads (kept structural: no import). */
interface Directive {
  type: 'containerDirective';
  name: string;
  children: Nodes[];
}

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: string;
}

function isDirective(node: Nodes, name: string): boolean {
  return (
    (node as { type: string }).type === 'containerDirective' && (node as unknown as Directive).name === name
  );
}

function textOf(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(textOf).join('');
  return '';
}

/** A container's `[label]` arrives as its first child, a paragraph marked `directiveLabel`. */
function takeLabel(directive: Directive): string {
  const first = directive.children[0];
  if (
    first?.type === 'paragraph' &&
    (first.data as { directiveLabel?: boolean } | undefined)?.directiveLabel
  ) {
    directive.children = directive.children.slice(1);
    return textOf(first).trim();
  }
  return '';
}

function jsx(name: string, attributes: Record<string, string>, children: Nodes[]): Nodes {
  const list: JsxAttribute[] = Object.entries(attributes).map(([key, value]) => ({
    type: 'mdxJsxAttribute',
    name: key,
    value,
  }));
  return { type: 'mdxJsxFlowElement', name, attributes: list, children } as unknown as Nodes;
}

export const TABS_NAME = 'RwContentTabs';
export const TAB_ITEM_NAME = 'RwContentTabItem';

function importOf(local: string, source: string): unknown {
  return {
    type: 'ImportDeclaration',
    specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: local } }],
    source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
  };
}

/** `import RwContentTabs from '@theme/Tabs'; import RwContentTabItem from '@theme/TabItem';` as MDX's tree says it. */
function tabsImport(): Nodes {
  const value = `import ${TABS_NAME} from '@theme/Tabs';\nimport ${TAB_ITEM_NAME} from '@theme/TabItem';`;
  const body = [importOf(TABS_NAME, '@theme/Tabs'), importOf(TAB_ITEM_NAME, '@theme/TabItem')];
  return {
    type: 'mdxjsEsm',
    value,
    data: { estree: { type: 'Program', sourceType: 'module', body } },
  } as unknown as Nodes;
}

function tabsOf(group: Directive): Nodes {
  const taken = new Set<string>();
  const items = group.children.filter((child) => isDirective(child, 'tab')) as unknown as Directive[];
  return jsx(
    TABS_NAME,
    {},
    items.map((item, index) => {
      const label = takeLabel(item) || `Tab ${index + 1}`;
      let value = slugify(label) || `tab-${index + 1}`;
      while (taken.has(value)) value = `${value}-${index + 1}`;
      taken.add(value);
      return jsx(TAB_ITEM_NAME, { value, label }, item.children);
    }),
  );
}

/** Rewrites every tabs directive under `parent`; true when there was one. */
function rewrite(parent: Parents): boolean {
  const children = parent.children as Nodes[];
  let found = false;
  children.forEach((child, index) => {
    if ('children' in child && rewrite(child)) found = true;
    if (isDirective(child, 'tabs')) {
      children[index] = tabsOf(child as unknown as Directive);
      found = true;
    }
  });
  return found;
}

export default function remarkContentTabs() {
  return (tree: Root): void => {
    if (rewrite(tree)) tree.children.unshift(tabsImport() as Root['children'][number]);
  };
}
