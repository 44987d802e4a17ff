import { describe, expect, it } from 'vitest';
import { fromMkdocs } from '../../src/remark/mkdocsDialect';

function converted(source: string): string {
  return fromMkdocs(source).markdown;
}

describe('fromMkdocs', () => {
  it('leaves a page without mkdocs blocks exactly as it was', () => {
    const page = '# Title\n\n```bash\necho hi\n```\n\n    indented code\n';
    expect(converted(page)).toBe(page);
  });

  it('turns `!!! note` and its four-space body into a note directive', () => {
    expect(converted('!!! note\n\n    Body line.\n    Second.\n\nAfter.')).toBe(
      ':::note\n\nBody line.\nSecond.\n:::\n\nAfter.',
    );
  });

  it('keeps a quoted title and maps types Docusaurus lacks to the nearest, titled by their own name', () => {
    expect(converted('???+ note "Why [this]"\n    Body')).toBe(':::note[Why \\[this\\]]\nBody\n:::');
    expect(converted('??? warning\n    Body')).toBe(':::warning\nBody\n:::');
    expect(converted('!!! example\n    Body')).toBe(':::note[Example]\nBody\n:::');
    expect(converted('!!! bug\n    Body')).toBe(':::danger[Bug]\nBody\n:::');
  });

  it('gives an outer block more colons than the blocks inside it', () => {
    expect(converted('!!! tip\n    !!! danger\n        Inner')).toBe('::::tip\n:::danger\nInner\n:::\n::::');
  });

  it('groups consecutive `=== "Tab"` blocks into one tabs directive', () => {
    expect(converted('=== "Linux"\n\n    linux\n\n=== "macOS"\n\n    mac\n\nAfter')).toBe(
      '::::tabs\n:::tab[Linux]\n\nlinux\n:::\n:::tab[macOS]\n\nmac\n:::\n::::\n\nAfter',
    );
  });

  it('dedents a fenced step inside a block and leaves fences themselves alone', () => {
    expect(converted('!!! note\n    ```bash\n    echo hi\n    ```')).toBe(
      ':::note\n```bash\necho hi\n```\n:::',
    );
    expect(converted('```text\n!!! note\n    not a block\n```')).toBe(
      '```text\n!!! note\n    not a block\n```',
    );
  });

  it('maps every line it writes to the source line it came from', () => {
    const { originalLine } = fromMkdocs('intro\n!!! note\n    body\nafter');
    expect(originalLine).toEqual([1, 2, 3, 3, 4]);
  });
});
