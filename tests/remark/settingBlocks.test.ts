// `:::only{setting="…"}`: prose for a laptop or for a hosted workshop (src/remark/settingBlocks.ts).
import type { Nodes, Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { afterEach, describe, expect, it, vi } from 'vitest';
import remarkSettingBlocks, { ONLY_IN_NAME } from '../../src/remark/settingBlocks';

interface Element {
  type: string;
  name: string | null;
  attributes: { name: string; value: string }[];
  children: Nodes[];
}

function transform(markdown: string): Root {
  const processor = unified().use(remarkParse).use(remarkDirective).use(remarkSettingBlocks);
  const file = new VFile({ path: 'docs/page.md', value: markdown });
  return processor.runSync(processor.parse(file), file) as Root;
}

afterEach(() => vi.restoreAllMocks());

describe('prose for one setting', () => {
  it('wraps the block in an element that says its setting, keeping what is inside, nested blocks too', () => {
    const tree = transform(
      [
        'Before.',
        '',
        '::::only{setting="laptop"}',
        'The first start asks for your pull secret.',
        '',
        ':::info[Changed]',
        'A note.',
        ':::',
        '::::',
        '',
        ':::only{setting="hosted"}',
        'The cluster is already running.',
        ':::',
      ].join('\n'),
    );
    const [before, laptop, hosted] = tree.children as unknown as Element[];
    expect(before!.type).toBe('paragraph');
    expect(laptop).toMatchObject({ type: 'mdxJsxFlowElement', name: ONLY_IN_NAME });
    expect(laptop!.attributes).toEqual([{ type: 'mdxJsxAttribute', name: 'setting', value: 'laptop' }]);
    expect(laptop!.children.map((child) => child.type)).toEqual(['paragraph', 'containerDirective']);
    expect(hosted!.attributes[0]!.value).toBe('hosted');
  });

  it('shows a block with an unknown setting everywhere, and says so with the file and line', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const tree = transform(['Intro.', '', ':::only{setting="cloud"}', 'Text.', ':::'].join('\n'));
    const block = tree.children[1] as unknown as Element;
    expect(block).toMatchObject({ type: 'mdxJsxFlowElement', name: null, attributes: [] });
    expect(block.children[0]!.type).toBe('paragraph');
    expect(warn).toHaveBeenCalledWith(
      '[only] docs/page.md:3: :::only takes setting="laptop" or setting="hosted", not "cloud"; its text is shown everywhere.',
    );
  });

  it('warns about a step inside: its fence must say only= for the manifest and the rehearsal', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    transform([':::only{setting="laptop"}', '```bash', 'crc start', '```', ':::'].join('\n'));
    expect(warn.mock.calls[0]![0]).toMatch(/docs\/page\.md:1: a step inside :::only .* only="…" instead/);
  });

  it('leaves other directives alone', () => {
    const tree = transform([':::note', 'Kept.', ':::'].join('\n'));
    expect(tree.children[0]!.type).toBe('containerDirective');
  });
});
