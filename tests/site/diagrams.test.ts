/**
 * The diagrams are drawn by `npm run diagrams` (real Chromium and mermaid) and kept in
 * src/plugins/diagrams/rendered/; the build only inlines them. These tests fail when a diagram's
 * source in docs/ changed and its drawing did not, and check what the build makes of a fence.
 */
import { readdirSync } from 'node:fs';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { diagramHash, mermaidSources } from '../../src/plugins/diagrams/diagramSource';
import remarkDiagrams from '../../src/plugins/diagrams/remarkDiagrams';
import { RENDERED_DIR, readRendered } from '../../src/plugins/diagrams/renderedDiagrams';
import { readDocs } from '../e2e/support/docs';

async function docsDiagrams(): Promise<{ file: string; source: string }[]> {
  return (await readDocs()).flatMap((doc) =>
    mermaidSources(doc.source).map((source) => ({ file: doc.file, source })),
  );
}

interface JsxNode {
  type: string;
  name?: string;
  attributes?: { name: string; value: string }[];
}

function buildTree(markdown: string): JsxNode[] {
  const processor = unified().use(remarkParse).use(remarkDiagrams);
  const tree = processor.runSync(processor.parse(markdown)) as unknown as { children: JsxNode[] };
  return tree.children;
}

function attributesOf(node: JsxNode | undefined): Record<string, string> {
  return Object.fromEntries((node?.attributes ?? []).map((attribute) => [attribute.name, attribute.value]));
}

describe('diagrams drawn at build time', () => {
  it('finds every mermaid fence of docs/ (the pages have diagrams to draw)', async () => {
    const docs = await readDocs();
    const fences = docs.reduce((sum, doc) => sum + doc.mermaidFences, 0);
    expect(fences).toBeGreaterThan(0);
    expect((await docsDiagrams()).length).toBe(fences);
  });

  it('has a drawing of the current source of every diagram (else: run `npm run diagrams`)', async () => {
    const stale = (await docsDiagrams())
      .filter(({ source }) => readRendered(diagramHash(source))?.source.trim() !== source.trim())
      .map(({ file, source }) => `docs/${file}: ${source.split('\n')[0]} … has no drawing of its source`);
    expect(stale, 'run `npm run diagrams`').toEqual([]);
  });

  it('keeps no drawing whose source is no longer in docs/', async () => {
    const current = new Set((await docsDiagrams()).map(({ source }) => `${diagramHash(source)}.json`));
    expect(readdirSync(RENDERED_DIR).filter((file) => !current.has(file))).toEqual([]);
  });

  it('draws each as one SVG of its own id, with the dark colours scoped to the dark theme', async () => {
    for (const { source } of await docsDiagrams()) {
      const hash = diagramHash(source);
      const svg = readRendered(hash)?.svg ?? '';
      expect(svg).toMatch(new RegExp(`^<svg id="rw-diagram-${hash}"`));
      expect(svg).toContain(`[data-theme='dark'] #rw-diagram-${hash} .node`);
    }
  });

  it('names a drawing by its source, spaces at line ends aside', () => {
    expect(diagramHash('flowchart LR\n  a --> b\n')).toBe(diagramHash('flowchart LR  \r\n  a --> b'));
    expect(diagramHash('flowchart LR\n  a --> b')).not.toBe(diagramHash('flowchart LR\n  a --> c'));
  });

  it('turns a fence with a drawing into <Diagram> with its SVG inlined', async () => {
    const [first] = await docsDiagrams();
    const [node] = buildTree('```mermaid\n' + first?.source + '```\n');
    expect(node?.type).toBe('mdxJsxFlowElement');
    expect(node?.name).toBe('Diagram');
    const attributes = attributesOf(node);
    expect(attributes['svg']).toContain('<svg');
    expect(attributes['source']).toBeUndefined();
  });

  it('turns an edited fence (no drawing of its source) into <Diagram> showing the source instead', () => {
    const edited = 'flowchart LR\n  nobody["drew this"] --> yet\n';
    const [node] = buildTree('```mermaid\n' + edited + '```\n');
    expect(attributesOf(node)).toEqual({ hash: diagramHash(edited), source: edited.trimEnd() });
  });

  it('leaves other code blocks alone', () => {
    expect(buildTree('```bash\necho hi\n```\n')[0]?.type).toBe('code');
  });
});
