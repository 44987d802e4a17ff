import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from '../e2e/support/build';

export interface BrokenReference {
  /** The HTML file, relative to the build directory. */
  page: string;
  tag: string;
  reference: string;
  problem: string;
}

// The site's own absolute URL (docusaurus.config.ts `url`): canonical and og:url links use it.
const SITE_ORIGIN = 'https://example.invalid';
// Tags whose reference the browser fetches on load: off the machine, those need the internet.
const FETCHED_TAGS = new Set(['img', 'script', 'source', 'link']);

const TAG = /<(a|img|link|script|source)\b([^>]*)>/gi;
// Docusaurus minifies its HTML: attribute values may be double-, single- or unquoted.
const REFERENCE = /\s(href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * Every `href`/`src` in the HTML under `buildDir` that points to nothing: a missing file, a missing
 * `#anchor` in an existing page, or a fetched resource (image, script, stylesheet) off this machine.
 */
export async function findBrokenReferences(buildDir: string): Promise<BrokenReference[]> {
  const pages = (await listFiles(buildDir)).filter((file) => file.endsWith('.html'));
  const html = new Map(
    await Promise.all(pages.map(async (file) => [file, await readFile(file, 'utf8')] as const)),
  );
  const broken: BrokenReference[] = [];
  for (const [file, content] of html) {
    const page = path.relative(buildDir, file);
    const pageUrl = `${SITE_ORIGIN}/${page.replace(/(^|\/)index\.html$/, '$1')}`;
    for (const [, tag = '', attributes = ''] of content.matchAll(TAG)) {
      for (const match of attributes.matchAll(REFERENCE)) {
        const reference = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
        const problem = checkReference(reference, tag.toLowerCase(), pageUrl, buildDir, html);
        if (problem) broken.push({ page, tag, reference, problem });
      }
    }
  }
  return broken;
}

function checkReference(
  reference: string,
  tag: string,
  pageUrl: string,
  buildDir: string,
  html: Map<string, string>,
): string | undefined {
  if (reference === '' || /^(data|mailto|tel|javascript|blob):/i.test(reference)) return undefined;
  const url = new URL(reference, pageUrl);
  if (url.origin !== SITE_ORIGIN) {
    if (!['http:', 'https:'].includes(url.protocol)) return undefined;
    return FETCHED_TAGS.has(tag) ? 'fetched from another host: the site must work offline' : undefined;
  }
  const target = resolveFile(buildDir, decodeURIComponent(url.pathname));
  if (!target) return 'no such file in the build';
  const anchor = decodeURIComponent(url.hash.slice(1));
  if (anchor === '' || !target.endsWith('.html')) return undefined;
  const targetHtml = html.get(target) ?? '';
  const hasId = [`id="${anchor}"`, `id='${anchor}'`, `id=${anchor} `, `id=${anchor}>`].some((form) =>
    targetHtml.includes(form),
  );
  return hasId ? undefined : `no element with id "${anchor}" in ${path.relative(buildDir, target)}`;
}

/** The file a static host serves for `pathname`, the way `docusaurus serve` (serve-handler) looks it up. */
function resolveFile(buildDir: string, pathname: string): string | undefined {
  const base = path.join(buildDir, pathname);
  if (!base.startsWith(buildDir)) return undefined;
  const candidates = pathname.endsWith('/')
    ? [path.join(base, 'index.html')]
    : [base, `${base}.html`, path.join(base, 'index.html')];
  return candidates.find((candidate) => statSync(candidate, { throwIfNoEntry: false })?.isFile());
}

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}
