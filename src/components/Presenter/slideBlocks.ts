/**
 * Reads the deck's rendered page as slide blocks: the direct children of the content element are
 * the page's top-level Markdown blocks (MDX adds no wrapper), so each child is one block.
 */
import type { SlideBlock } from './slides';

export const NOTE_ATTRIBUTE = 'data-presenter-note';
/** On a diagram drawn at build time (src/components/Diagram); its value is the diagram's source hash. */
export const DIAGRAM_ATTRIBUTE = 'data-diagram';

export function readSlideBlocks(content: HTMLElement): SlideBlock[] {
  return Array.from(content.children, (child) => blockOf(child as HTMLElement));
}

function blockOf(element: HTMLElement): SlideBlock {
  // The page's title comes wrapped: Docusaurus renders the Markdown's `# Title` as <header><h1>.
  const heading = element.tagName === 'HEADER' ? element.querySelector(':scope > h1, :scope > h2') : element;
  const tag = heading?.tagName.toLowerCase() ?? '';
  if (heading && /^h[1-6]$/.test(tag)) {
    return { kind: 'heading', level: Number(tag.slice(1)), text: headingText(heading as HTMLElement) };
  }
  if (element.hasAttribute(NOTE_ATTRIBUTE)) return { kind: 'note' };
  const stepId =
    element.getAttribute('data-step-id') ??
    element.querySelector('[data-step-id]')?.getAttribute('data-step-id');
  if (stepId) return { kind: 'step', stepId };
  if (isFigure(element)) return { kind: 'figure' };
  if (isCaption(element)) return { kind: 'caption' };
  return { kind: 'text' };
}

/** A heading's words without the "#" permalink Docusaurus appends. */
function headingText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.hash-link').forEach((link) => link.remove());
  return (copy.textContent ?? '').trim();
}

/** A mermaid diagram, or a paragraph that holds nothing but a picture. */
function isFigure(element: HTMLElement): boolean {
  if (element.hasAttribute(DIAGRAM_ATTRIBUTE)) return true;
  if (element.tagName === 'FIGURE') return true;
  if (element.tagName !== 'P') return false;
  const pictures = element.querySelectorAll('img, svg');
  return pictures.length > 0 && (element.textContent ?? '').trim() === '';
}

function isCaption(element: HTMLElement): boolean {
  if (element.tagName !== 'P' || element.children.length !== 1) return false;
  const only = element.children[0];
  return (
    (only?.tagName === 'EM' || only?.tagName === 'I') &&
    only.textContent?.trim() === element.textContent?.trim()
  );
}
