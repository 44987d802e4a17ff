import { describe, expect, it } from 'vitest';
import { recordOutputs } from '../../server/rehearse/recordOutputs';

const page = (fence: string) => `# Page\n\n\`\`\`bash title="greet"\necho hi\n\`\`\`\n\n${fence}\n\nAfter.\n`;

describe('recordOutputs', () => {
  it('replaces only the lines inside the output fence, keeping a ~~~ fence and the rest of the page', () => {
    const result = recordOutputs(page('~~~\nhello\n~~~'), 'page.md', [
      { stepId: 'page/greet', text: 'hi\nthere  ' },
    ]);
    expect(result.source).toBe(page('~~~\nhi\nthere\n~~~'));
    expect(result.updated).toEqual(['page/greet']);
  });

  it('refuses an output inside an mkdocs-material admonition, and leaves the page as it was', () => {
    const source =
      '# Page\n\n!!! note\n\n    ```bash title="greet"\n    echo hi\n    ```\n\n    ```\n    hello\n    ```\n';
    const result = recordOutputs(source, 'page.md', [{ stepId: 'page/greet', text: 'hi' }]);
    expect(result.source).toBe(source);
    expect(result.refused).toEqual([
      {
        stepId: 'page/greet',
        reason: 'its output sits in an indented mkdocs-material block: update it by hand',
      },
    ]);
  });

  it('refuses new output that would close its fence, a step with no output, and a transcript output', () => {
    expect(
      recordOutputs(page('```\nold\n```'), 'page.md', [{ stepId: 'page/greet', text: '```' }]).refused[0]
        ?.reason,
    ).toMatch(/would end the fence/);
    expect(
      recordOutputs(page('Nothing.'), 'page.md', [{ stepId: 'page/greet', text: 'hi' }]).refused[0]?.reason,
    ).toMatch(/no recorded output block/);
    const transcript = page('Sample output:\n\n```console\n$ echo hi\nhi\n```');
    expect(
      recordOutputs(transcript, 'page.md', [{ stepId: 'page/greet', text: 'hi' }]).refused[0]?.reason,
    ).toMatch(/transcript/);
  });
});
