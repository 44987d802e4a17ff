/**
 * A copy of the site with pages dropped into its docs/, built on its own: what an author gets after
 * copying a page in, without touching the checkout's docs/. The copy shares node_modules (a link) and
 * builds with `docusaurus build` as `npm run build` does; the build's output is kept for its warnings.
 */
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, docusaurusBuild } from './build';

/** What `docusaurus build` reads from the site directory (see BUILD_INPUTS in build.ts). */
const SITE_FILES = [
  'docs',
  'src',
  'static',
  'docusaurus.config.ts',
  'sidebars.ts',
  'package.json',
  'tsconfig.json',
];
const BUILD_TIMEOUT_MS = 300_000;

export interface ScratchSite {
  siteDir: string;
  buildDir: string;
  /** Everything the build printed. */
  output: string;
  remove(): Promise<void>;
}

export interface DroppedPage {
  /** Where the page goes, relative to the copy's docs/. */
  to: string;
  /** The page's file, relative to the project. */
  from: string;
}

export const SCRATCH_BUILD_TIMEOUT_MS = BUILD_TIMEOUT_MS + 60_000;

/** Copies the site, drops `pages` into its docs/ unedited, builds it; throws with the output if it fails. */
export async function buildScratchSite(pages: readonly DroppedPage[]): Promise<ScratchSite> {
  const siteDir = await mkdtemp(path.join(os.tmpdir(), 'rw-scratch-site-'));
  const remove = () => rm(siteDir, { recursive: true, force: true });
  try {
    for (const file of SITE_FILES)
      await cp(path.join(PROJECT_ROOT, file), path.join(siteDir, file), { recursive: true });
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(siteDir, 'node_modules'), 'dir');
    for (const page of pages) {
      const target = path.join(siteDir, 'docs', page.to);
      await mkdir(path.dirname(target), { recursive: true });
      await cp(path.join(PROJECT_ROOT, page.from), target);
    }
    const buildDir = path.join(siteDir, 'build');
    const { code, output } = await docusaurusBuild(siteDir, buildDir, BUILD_TIMEOUT_MS);
    if (code !== 0) throw new Error(`the scratch site did not build (exit ${code}):\n${output.slice(-6000)}`);
    return { siteDir, buildDir, output, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
