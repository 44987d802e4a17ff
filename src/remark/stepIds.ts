// Step and page ids: stable across unrelated edits, so progress saved against an id survives them.

const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

// Docusaurus drops number prefixes (`01-intro.md` -> `intro`) from doc ids, but not from dates.
const NUMBER_PREFIX = /^(?!\d{2,4}[-_.]\d{2}[-_.]\d{2})\d+\s*[-_.]+\s*(?=[^-_.\s])/;

/**
 * The Docusaurus doc id of a file: its path under the docs directory without extension and number
 * prefixes, the last segment replaced by a front-matter `id` when there is one.
 */
export function pageIdFromPath(relativePath: string, frontMatterId?: unknown): string {
  const segments = relativePath
    .replace(/\\/g, '/')
    .replace(/\.mdx?$/i, '')
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .map((segment) => segment.replace(NUMBER_PREFIX, ''));
  if (typeof frontMatterId === 'string' && frontMatterId !== '')
    segments[segments.length - 1] = frontMatterId;
  return segments.join('/');
}

/**
 * Hands out step ids in page order. A titled step is `<page>/<slug of title>`, its repeats `-2`, `-3`.
 * An untitled step is numbered within its section (`<page>/<heading>-step-2`), so adding a step in
 * another section leaves it alone.
 */
export class StepIdAllocator {
  private readonly taken = new Set<string>();
  private readonly untitledPerSection = new Map<string, number>();

  constructor(private readonly pageId: string) {}

  next(title: string | undefined, sectionHeading: string | undefined): string {
    const titleSlug = title ? slugify(title) : '';
    if (titleSlug) return this.unique(titleSlug);
    const section = sectionHeading ? slugify(sectionHeading) : '';
    const n = (this.untitledPerSection.get(section) ?? 0) + 1;
    this.untitledPerSection.set(section, n);
    return this.unique(section ? `${section}-step-${n}` : `step-${n}`);
  }

  private unique(slug: string): string {
    let id = `${this.pageId}/${slug}`;
    for (let n = 2; this.taken.has(id); n += 1) id = `${this.pageId}/${slug}-${n}`;
    this.taken.add(id);
    return id;
  }
}
