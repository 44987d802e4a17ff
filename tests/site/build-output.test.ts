import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import config from '../../docusaurus.config';
import {
  BUILD_DIR,
  BUILD_HOOK_TIMEOUT_MS,
  PROJECT_ROOT,
  ensureSiteBuilt,
  listFiles,
} from '../e2e/support/build';
import { findBrokenReferences } from './linkScan';

const PASSWORD = 'cKiLy-5umju-GnxbP-Lfqpb';

describe('the static build (`npm run build`)', () => {
  beforeAll(async () => {
    await ensureSiteBuilt();
  }, BUILD_HOOK_TIMEOUT_MS);

  it('contains the kubeadmin password from the seed in no file of build/ or docs/', async () => {
    const files = [...(await listFiles(BUILD_DIR)), ...(await listFiles(path.join(PROJECT_ROOT, 'docs')))];
    expect(files.length).toBeGreaterThan(10);
    const leaking: string[] = [];
    for (const file of files) {
      // Bytes, not text: the password must not hide in a source map or a compressed-looking asset either.
      if ((await readFile(file)).includes(PASSWORD)) leaking.push(path.relative(PROJECT_ROOT, file));
    }
    expect(leaking).toEqual([]);
  });

  it('lists the pages of steps.json in the order of the sidebar, the walkthrough before the authoring guide', async () => {
    const manifest = JSON.parse(await readFile(path.join(BUILD_DIR, 'steps.json'), 'utf8')) as {
      pages: { pageId: string }[];
    };
    const ids = manifest.pages.map((page) => page.pageId);
    const story = ['running-locally', 'split-deployment', 'backend-failure', 'clean-up', 'authoring/index'];
    expect(ids.filter((id) => story.includes(id))).toEqual(story);
  });

  it('has no link, image, script or anchor in its HTML that points to nothing', async () => {
    const broken = await findBrokenReferences(BUILD_DIR);
    expect(broken.map((ref) => `${ref.page}: <${ref.tag}> ${ref.reference}: ${ref.problem}`)).toEqual([]);
  });
});

describe('the build configuration', () => {
  it('fails the build on a broken link, anchor, Markdown link or Markdown image', () => {
    expect(config.onBrokenLinks).toBe('throw');
    expect(config.onBrokenAnchors).toBe('throw');
    expect(config.markdown?.hooks?.onBrokenMarkdownLinks).toBe('throw');
    expect(config.markdown?.hooks?.onBrokenMarkdownImages).toBe('throw');
  });
});

// The scan above passes on a good build; this shows it is not passing because it sees nothing.
describe('the broken-reference scan', () => {
  it('reports a missing page, a missing anchor, a missing image and an image from another host', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'rw-linkscan-'));
    try {
      await mkdir(path.join(dir, 'guide'));
      await writeFile(path.join(dir, 'guide', 'index.html'), '<h1 id="top">Guide</h1>');
      await writeFile(
        path.join(dir, 'index.html'),
        [
          '<h2 id=here>Here</h2>',
          '<a href=/guide>ok</a><a href="/guide#top">ok</a><a href="#here">ok</a>',
          '<a href="https://github.com/skupperproject">ok: a link out is fine</a>',
          '<a href="/guide#gone">anchor</a><a href=\'/nowhere\'>page</a>',
          '<img src="/images/none.svg"><img src=https://cdn.example.com/x.png>',
        ].join('\n'),
      );
      const broken = await findBrokenReferences(dir);
      expect(broken.map((ref) => `${ref.reference}: ${ref.problem}`)).toEqual([
        '/guide#gone: no element with id "gone" in guide/index.html',
        '/nowhere: no such file in the build',
        '/images/none.svg: no such file in the build',
        'https://cdn.example.com/x.png: fetched from another host: the site must work offline',
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
