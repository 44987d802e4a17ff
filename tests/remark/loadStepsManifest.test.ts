import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadStepsManifest } from '../../src/plugins/loadStepsManifest';
import { readFixture } from './fixtures';

describe('loadStepsManifest', () => {
  let docs: string;
  beforeEach(async () => {
    docs = await mkdtemp(join(tmpdir(), 'steps-docs-'));
  });
  afterEach(async () => {
    await rm(docs, { recursive: true, force: true });
  });

  it('reads every page under docs/, sub-directories included, skipping partials, with no edits to the pages', async () => {
    await mkdir(join(docs, '02-split'), { recursive: true });
    await mkdir(join(docs, '_partials'), { recursive: true });
    await writeFile(join(docs, 'walkthrough.md'), readFixture('seed.md'));
    await writeFile(
      join(docs, '02-split', '01-link.mdx'),
      '# Link\n\n```sh title="link"\nskupper link status\n```\n',
    );
    await writeFile(join(docs, '_partials', 'snippet.md'), '```bash\necho partial\n```\n');
    await writeFile(join(docs, 'notes.txt'), 'not a page');

    const result = await loadStepsManifest(docs, new Map([['walkthrough', '/walkthrough']]));

    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.manifest.version).toBe(1);
    expect(
      result.manifest.pages.map((page) => [page.pageId, page.title, page.steps.length, page.permalink]),
    ).toEqual([
      ['split/link', 'Link', 1, undefined],
      ['walkthrough', 'Multi Cluster Application Interconnect', 18, '/walkthrough'],
    ]);
  });

  it('reads indented code in a .md page, as CommonMark does, and ignores it in .mdx, as MDX does', async () => {
    const page = '```bash\nls\n```\n\n    indented output\n';
    await writeFile(join(docs, 'page.md'), page);
    await writeFile(join(docs, 'other.mdx'), page);
    const result = await loadStepsManifest(docs);
    const outputs = (id: string) =>
      result.ok && result.manifest.pages.find((p) => p.pageId === id)?.steps[0]?.recordedOutputs;
    expect(outputs('page')).toEqual([{ text: 'indented output' }]);
    expect(outputs('other')).toEqual([]);
  });

  it('says which page has front matter it cannot read', async () => {
    await writeFile(join(docs, 'broken.md'), '---\ntitle: [unclosed\n---\n\n```bash\nls\n```\n');
    const result = await loadStepsManifest(docs);
    expect(result).toMatchObject({ ok: false, error: { code: 'page-unreadable' } });
    expect(!result.ok && result.error.message).toContain('broken.md');
  });

  it('says when the docs directory does not exist', async () => {
    const result = await loadStepsManifest(join(docs, 'missing'));
    expect(result).toMatchObject({ ok: false, error: { code: 'docs-unreadable' } });
  });
});
