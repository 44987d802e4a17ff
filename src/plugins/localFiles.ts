// Node side: whether a link or picture in a page names a file the site has. Docusaurus resolves a
// relative URL from the page's folder, `/x` from each static directory, `@site/x` from the site root.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { filePart } from '../remark/missingImages';

export interface SiteDirs {
  siteDir: string;
  /** Absolute paths of the static directories (Docusaurus default: `<siteDir>/static`). */
  staticDirs: string[];
}

/** The files `url` (as written in the page at `pagePath`) may name, most likely first. */
export function candidateFiles(url: string, pagePath: string, dirs: SiteDirs): string[] {
  const file = filePart(url);
  if (file.startsWith('@site/')) return [join(dirs.siteDir, file.slice('@site/'.length))];
  if (file.startsWith('/')) return dirs.staticDirs.map((dir) => join(dir, file));
  return [resolve(dirname(pagePath), file)];
}

export function localFileExists(url: string, pagePath: string, dirs: SiteDirs): boolean {
  return candidateFiles(url, pagePath, dirs).some((file) => existsSync(file));
}

export function siteDirsOf(siteDir: string): SiteDirs {
  return { siteDir, staticDirs: [join(siteDir, 'static')] };
}
