// Which diagrams a page has, and the name each drawing is kept under: pure, so the build, the
// `npm run diagrams` drawer and the staleness test agree on both without a browser.
import { createHash } from 'node:crypto';

/** The fence languages drawn at build time. */
export const DIAGRAM_LANGUAGES = ['mermaid'] as const;

/**
 * The name of a diagram's drawing: a hash of its source, trailing spaces and line endings aside (they
 * draw the same). A changed source is a new name, so a stale drawing is a missing one.
 */
export function diagramHash(source: string): string {
  const normalized = source
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .trim();
  return createHash('sha256').update(normalized).digest('hex').slice(0, 16);
}

/** The mermaid fences of a Markdown page, in page order (fence info `mermaid`, with or without meta). */
export function mermaidSources(markdown: string): string[] {
  const sources: string[] = [];
  const fence = /^( {0,3})(`{3,}|~{3,})mermaid\b[^\n]*\n([\s\S]*?)^ {0,3}\2[`~]*[ \t]*$/gm;
  for (const match of markdown.matchAll(fence)) sources.push(match[3] ?? '');
  return sources;
}
