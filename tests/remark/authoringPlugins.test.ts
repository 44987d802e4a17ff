import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkContentTabs, { TAB_ITEM_NAME, TABS_NAME } from '../../src/remark/contentTabs';
import remarkMissingImages, { MISSING_IMAGE_CLASS } from '../../src/remark/missingImages';
import { fromMkdocs } from '../../src/remark/mkdocsDialect';

function jsxElements(node: Nodes, name: string): Nodes[] {
  const own = (node as { name?: string }).name === name ? [node] : [];
  const children = 'children' in node ? (node.children as Nodes[]) : [];
  return [...own, ...children.flatMap((child) => jsxElements(child, name))];
}

function attributes(node: Nodes): Record<string, string> {
  const list = (node as unknown as { attributes: { name: string; value: string }[] }).attributes;
  return Object.fromEntries(list.map((attribute) => [attribute.name, attribute.value]));
}

describe('remarkContentTabs', () => {
  it('makes a Tabs element with one TabItem per tab, labelled and valued, and imports both', () => {
    const markdown = fromMkdocs('=== "Linux"\n    one\n=== "Linux"\n    two\n').markdown;
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkContentTabs);
    const tree = processor.runSync(processor.parse(markdown)) as Root;
    expect(jsxElements(tree, TABS_NAME)).toHaveLength(1);
    const items = jsxElements(tree, TAB_ITEM_NAME);
    expect(items.map(attributes)).toEqual([
      { value: 'linux', label: 'Linux' },
      { value: 'linux-2', label: 'Linux' },
    ]);
    const [esm] = tree.children as { type: string; value?: string }[];
    expect(esm?.type).toBe('mdxjsEsm');
    expect(esm?.value).toBe(
      `import ${TABS_NAME} from '@theme/Tabs';\nimport ${TAB_ITEM_NAME} from '@theme/TabItem';`,
    );
  });

  it('leaves a page without tabs without the import', () => {
    const processor = unified().use(remarkParse).use(remarkDirective).use(remarkContentTabs);
    const tree = processor.runSync(processor.parse('# No tabs\n')) as Root;
    expect(tree.children.map((node) => node.type)).toEqual(['heading']);
  });
});

describe('remarkMissingImages', () => {
  const run = (markdown: string, existing: string[]) => {
    const asked: [string, string][] = [];
    const processor = unified()
      .use(remarkParse)
      .use(remarkMissingImages, {
        exists: (url: string, page: string) => {
          asked.push([url, page]);
          return existing.includes(url);
        },
      });
    const file = new VFile({ value: markdown, path: '/site/docs/page.md' });
    return { tree: processor.runSync(processor.parse(file), file) as Root, asked };
  };

  it('replaces a picture whose file is missing with a placeholder that names it', () => {
    const { tree, asked } = run('![a diagram](../images/gone%20away.png) and ![here](here.svg)', [
      'here.svg',
    ]);
    const [placeholder] = jsxElements(tree, 'span');
    expect(attributes(placeholder as Nodes)['className']).toBe(MISSING_IMAGE_CLASS);
    expect(attributes(placeholder as Nodes)['aria-label']).toBe(
      'Missing picture: “a diagram” (../images/gone%20away.png)',
    );
    expect(asked).toEqual([
      ['../images/gone away.png', '/site/docs/page.md'],
      ['here.svg', '/site/docs/page.md'],
    ]);
    expect(JSON.stringify(tree)).toContain('"type":"image"');
  });

  it('leaves remote pictures to the browser', () => {
    const { asked } = run('![badge](https://example.com/b.svg) ![inline](data:image/png;base64,AAAA)', []);
    expect(asked).toEqual([]);
  });
});
