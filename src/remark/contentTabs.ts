// Content tabs: the `tabs` directive that mkdocsDialect.ts writes for mkdocs-material's `=== "Tab"`
// blocks becomes Docusaurus's <Tabs> with one <TabItem> per `tab` directive (src/theme/MDXComponents
// puts both in scope, so a plain .md page needs no import). Steps inside keep their own controls.
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

function tabsOf(group: Directive): Nodes {
  const taken = new Set<string>();
  const items = group.children.filter((child) => isDirective(child, 'tab')) as unknown as Directive[];
  return jsx(
    'Tabs',
    {},
    items.map((item, index) => {
      const label = takeLabel(item) || `Tab ${index + 1}`;
      let value = slugify(label) || `tab-${index + 1}`;
      while (taken.has(value)) value = `${value}-${index + 1}`;
      taken.add(value);
      return jsx('TabItem', { value, label }, item.children);
    }),
  );
}

function rewrite(parent: Parents): void {
  const children = parent.children as Nodes[];
  children.forEach((child, index) => {
    if ('children' in child) rewrite(child);
    if (isDirective(child, 'tabs')) children[index] = tabsOf(child as unknown as Directive);
  });
}

export default function remarkContentTabs() {
  return (tree: Root): void => rewrite(tree);
}
