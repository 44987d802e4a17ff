// Where the drawings of the diagrams are kept: one JSON file per diagram source, named by its hash
// (diagramSource.ts), written by `npm run diagrams` and read by the build. Kept in the repository so a
// build needs no browser.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const RENDERED_DIR = path.join(__dirname, 'rendered');

export interface RenderedDiagram {
  /** diagramHash(source): the name of this file, repeated so a renamed file is caught. */
  hash: string;
  source: string;
  /** The mermaid version that drew it. */
  mermaid: string;
  /** Inline SVG; its <style> has the light colours, then the dark ones under `[data-theme='dark']`. */
  svg: string;
}

export function renderedPath(hash: string): string {
  return path.join(RENDERED_DIR, `${hash}.json`);
}

/** The drawing of the diagram with this hash, or undefined when `npm run diagrams` has not drawn it. */
export function readRendered(hash: string): RenderedDiagram | undefined {
  const file = renderedPath(hash);
  if (!existsSync(file)) return undefined;
  const rendered = JSON.parse(readFileSync(file, 'utf8')) as RenderedDiagram;
  return rendered.hash === hash ? rendered : undefined;
}
