// Node side: the steps of every page in docs/, read straight from the Markdown, for the terminal
// server and the rehearsal runner (and the build's steps.json). Same extraction as the remark plugin.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { extractPageSteps, type ExtractedPage } from '../remark/extractPageSteps';
import { fromMkdocs } from '../remark/mkdocsDialect';
import { pageIdFromPath } from '../remark/stepIds';
import type { PageSteps, StepsManifest } from '../remark/stepModel';

export interface ManifestError {
  code: 'docs-unreadable' | 'page-unreadable';
  message: string;
}

export type ManifestResult = { ok: true; manifest: StepsManifest } | { ok: false; error: ManifestError };

// Docusaurus (markdown.format 'detect') parses `.md` as CommonMark and `.mdx` as MDX, which has no
// indented code blocks; switching them off for `.mdx` keeps both parsers seeing the same fences (and
// so the same step ids). GFM and directives are what Docusaurus adds to both.
function mdxLikeFences(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  data.micromarkExtensions = [...(data.micromarkExtensions ?? []), { disable: { null: ['codeIndented'] } }];
}

const markdownParser = unified()
  .use(remarkParse)
  .use(remarkFrontmatter, ['yaml'])
  .use(remarkGfm)
  .use(remarkDirective);
const mdxParser = markdownParser().use(mdxLikeFences);

/** The parser Docusaurus uses for the page at `relativePath`: MDX for `.mdx`, CommonMark otherwise. */
export function parserFor(relativePath: string): typeof markdownParser {
  return /\.mdx$/i.test(relativePath) ? mdxParser : markdownParser;
}

/** The page as Docusaurus reads it: mkdocs-material blocks rewritten (see docusaurus.config.ts). */
export function parsePage(markdown: string, relativePath: string): Root {
  return parserFor(relativePath).parse(fromMkdocs(markdown).markdown) as Root;
}

export function frontMatterOf(tree: Root): Record<string, unknown> {
  const node = tree.children.find((child) => child.type === 'yaml');
  if (!node || node.type !== 'yaml') return {};
  const value: unknown = yaml.load(node.value);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The steps of one Markdown page. `relativePath` is its path under the docs directory. */
export function parseMarkdownSteps(markdown: string, relativePath: string): ExtractedPage {
  const tree = parsePage(markdown, relativePath);
  const frontMatter = frontMatterOf(tree);
  return extractPageSteps(tree, { pageId: pageIdFromPath(relativePath, frontMatter['id']), frontMatter });
}

async function markdownFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return (
    entries
      .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      // Docusaurus does not publish partials (`_name.md` or under `_dir/`).
      .filter(
        (file) =>
          !relative(dir, file)
            .split(/[\\/]/)
            .some((segment) => segment.startsWith('_')),
      )
      .sort()
  );
}

/**
 * The manifest of every page under `docsDir`. `permalinks` (doc id to URL) comes from the build when
 * it is known; without it, pages carry no permalink.
 */
export async function loadStepsManifest(
  docsDir: string,
  permalinks: ReadonlyMap<string, string> = new Map(),
): Promise<ManifestResult> {
  let files: string[];
  try {
    files = await markdownFiles(docsDir);
  } catch (error) {
    return {
      ok: false,
      error: {
        code: 'docs-unreadable',
        message: `Cannot read the docs directory ${docsDir}: ${(error as Error).message}`,
      },
    };
  }
  const pages: PageSteps[] = [];
  for (const file of files) {
    const relativePath = relative(docsDir, file);
    try {
      const { page } = parseMarkdownSteps(await readFile(file, 'utf8'), relativePath);
      const permalink = permalinks.get(page.pageId);
      pages.push(permalink === undefined ? page : { ...page, permalink });
    } catch (error) {
      return {
        ok: false,
        error: {
          code: 'page-unreadable',
          message: `Cannot read the steps of ${relativePath}: ${(error as Error).message}. Fix its front matter (YAML between --- lines).`,
        },
      };
    }
  }
  return { ok: true, manifest: { version: 1, pages } };
}
