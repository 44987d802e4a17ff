/**
 * Slides from the blocks of a rendered page, in order. Pure: the deck reads the blocks from the DOM
 * (`slideBlocks.ts`) and this decides where slides break, so the rules are tested as a table.
 *
 * The rules, as a presenter would cut the page by hand:
 * - a heading (h1–h3) starts a slide;
 * - a slide holds at most one "anchor" (a step, or a figure: a diagram or a picture), so the run key
 *   always knows which step it means and a long step keeps a slide of its own; the text between
 *   two anchors goes with the second (it leads into it), except a figure's caption, which stays;
 * - a figure that arrives after text starts a slide of its own, to be shown large.
 * Presenter notes belong to the slide they are written in and are never counted as content.
 */

export type SlideBlock =
  | { kind: 'heading'; level: number; text: string }
  | { kind: 'step'; stepId: string }
  | { kind: 'figure' }
  /** A short paragraph right after a figure that reads as its caption (italic). */
  | { kind: 'caption' }
  | { kind: 'note' }
  | { kind: 'text' };

export interface Slide {
  /** Index of the slide's first block. */
  start: number;
  /** Index after its last block. */
  end: number;
  /** The heading the slide sits under (its own, or the section's for a continued slide). */
  title: string;
  /** True when the slide continues a section begun on an earlier slide. */
  continued: boolean;
  stepIds: string[];
  /** Indexes of the presenter notes among its blocks. */
  notes: number[];
}

interface Draft {
  start: number;
  title: string;
  continued: boolean;
  /** Index of the anchor block, and the index after what stays with it (a caption). */
  anchor?: { index: number; keepUntil: number };
  /** Whether anything but a heading or a note is on it yet. */
  hasContent: boolean;
}

export function splitIntoSlides(blocks: readonly SlideBlock[]): Slide[] {
  const cuts: { start: number; title: string; continued: boolean }[] = [];
  let draft: Draft | null = null;
  let sectionTitle = '';
  const begin = (start: number, continued: boolean) => {
    if (draft) cuts.push({ start: draft.start, title: draft.title, continued: draft.continued });
    draft = { start, title: sectionTitle, continued, hasContent: false };
    return draft;
  };

  blocks.forEach((block, index) => {
    if (block.kind === 'heading' && block.level <= 3) {
      sectionTitle = block.text;
      begin(index, false);
      return;
    }
    let current: Draft = draft ?? begin(index, false);
    if (block.kind === 'step' || block.kind === 'figure') {
      if (current.anchor) {
        current = begin(Math.min(current.anchor.keepUntil, index), true);
        // The blocks between the cut and here were already walked: count them as content.
        current.hasContent = current.start < index;
      } else if (block.kind === 'figure' && current.hasContent) {
        current = begin(index, true);
      }
      current.anchor = { index, keepUntil: index + 1 };
      current.hasContent = true;
      return;
    }
    if (block.kind === 'caption' && current.anchor && current.anchor.keepUntil === index) {
      const previous = blocks[current.anchor.index];
      if (previous?.kind === 'figure') current.anchor.keepUntil = index + 1;
    }
    if (block.kind !== 'note') current.hasContent = true;
  });
  const last = draft as Draft | null;
  if (last) cuts.push({ start: last.start, title: last.title, continued: last.continued });

  return cuts.map((cut, i) => {
    const end = cuts[i + 1]?.start ?? blocks.length;
    const stepIds: string[] = [];
    const notes: number[] = [];
    for (let index = cut.start; index < end; index += 1) {
      const block = blocks[index];
      if (block?.kind === 'step') stepIds.push(block.stepId);
      if (block?.kind === 'note') notes.push(index);
    }
    return { ...cut, end, stepIds, notes };
  });
}
