import { compile } from '@mdx-js/mdx';
import type { Code, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import remarkSteps, { STEP_PROP } from '../../src/remark/remarkSteps';
import { parseStepProp } from '../../src/remark/stepProp';
import type { Step } from '../../src/remark/stepModel';
import { readFixture } from './fixtures';

const DOCS = '/site/docs';

function transform(
  markdown: string,
  path = `${DOCS}/guide/01-page.md`,
  frontMatter: Record<string, unknown> = {},
) {
  const file = new VFile({ value: markdown, path, data: { frontMatter } });
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkSteps, { docsDir: DOCS });
  const tree = processor.runSync(processor.parse(file), file) as Root;
  return { tree, file };
}

function stepsIn(tree: Root): Step[] {
  return tree.children
    .filter((node): node is Code => node.type === 'code')
    .map((node) =>
      parseStepProp(
        (node.data as { hProperties?: Record<string, unknown> } | undefined)?.hProperties?.[STEP_PROP],
      ),
    )
    .filter((step): step is Step => step !== null);
}

describe('remarkSteps', () => {
  it('puts the step data on each step fence and folds its outputs and labels into it', () => {
    const { tree } = transform(readFixture('outputs.md'));
    const steps = stepsIn(tree);
    expect(steps.map((step) => step.id)).toEqual([
      'guide/page/create-a-project-namespace',
      'guide/page/enable-skupper',
      'guide/page/no-output',
      'guide/page/text-output',
    ]);
    expect(steps[1]?.recordedOutputs.map((output) => output.title)).toEqual(['for aro', 'for local']);
    const remaining = tree.children.map((node) =>
      node.type === 'code' ? `code:${node.lang ?? ''}` : node.type,
    );
    // Gone: `run:`, both `output:` labels that precede an output, and the four output fences.
    expect(remaining).toEqual([
      'heading',
      'code:bash',
      'code:bash',
      'code:bash',
      'paragraph',
      'code:',
      'code:bash',
      'paragraph',
      'code:yaml',
    ]);
  });

  it('reads variables from the front matter Docusaurus hands over in vfile.data', () => {
    const { tree } = transform('```bash\noc login ${ARO_API_URL}\n```\n', `${DOCS}/x.md`, {
      variables: { ARO_API_URL: { example: 'https://api.example:6443' } },
    });
    expect(stepsIn(tree)[0]?.variables).toEqual(['ARO_API_URL']);
  });

  it('redacts secrets in output fences that follow no step too', () => {
    const { tree } = transform(readFixture('secrets.md'));
    const stray = tree.children.at(-1) as Code;
    expect(stray.value).toBe('Password: <redacted>');
  });

  it('reports problems as file messages with their line', () => {
    const { file } = transform('\n```bash terminal="Not A Name"\nls\n```\n');
    expect(file.messages.map((message) => [message.reason.split(']')[0], message.line])).toEqual([
      ['[steps:invalid-terminal', 2],
    ]);
  });

  it('hands the step to the code element as a data-step prop through MDX', async () => {
    const compiled = String(
      await compile(
        new VFile({
          value: '```bash title="hello"\n$ echo hi\n```\n',
          path: `${DOCS}/hello.md`,
          data: { frontMatter: {} },
        }),
        { remarkPlugins: [[remarkSteps, { docsDir: DOCS }]] },
      ),
    );
    const prop = /"data-step": ("(?:[^"\\]|\\.)*")/.exec(compiled)?.[1];
    expect(prop).toBeDefined();
    expect(parseStepProp(JSON.parse(prop ?? '""'))).toMatchObject({
      id: 'hello/hello',
      command: 'echo hi',
      display: '$ echo hi',
    });
  });
});
