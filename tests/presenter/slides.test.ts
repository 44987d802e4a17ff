import { describe, expect, it } from 'vitest';
import { splitIntoSlides, type SlideBlock } from '../../src/components/Presenter/slides';

const h = (level: number, text: string): SlideBlock => ({ kind: 'heading', level, text });
const step = (stepId: string): SlideBlock => ({ kind: 'step', stepId });
const text: SlideBlock = { kind: 'text' };
const figure: SlideBlock = { kind: 'figure' };
const caption: SlideBlock = { kind: 'caption' };
const note: SlideBlock = { kind: 'note' };

/** Each slide as the blocks' indexes it shows. */
function cuts(blocks: SlideBlock[]): number[][] {
  return splitIntoSlides(blocks).map((slide) =>
    Array.from({ length: slide.end - slide.start }, (_, i) => slide.start + i),
  );
}

describe('splitting a page into slides', () => {
  it('starts a slide at every h1, h2 and h3, and not at h4', () => {
    expect(cuts([h(1, 'Title'), text, h(2, 'A'), text, h(3, 'B'), h(4, 'b.1'), text])).toEqual([
      [0, 1],
      [2, 3],
      [4, 5, 6],
    ]);
  });

  it('keeps one step per slide, the text between two steps leading into the second', () => {
    const slides = splitIntoSlides([h(2, 'Link'), text, step('a'), step('b'), text, step('c'), note]);
    expect(slides.map((slide) => slide.stepIds)).toEqual([['a'], ['b'], ['c']]);
    expect(cuts([h(2, 'Link'), text, step('a'), step('b'), text, step('c'), note])).toEqual([
      [0, 1, 2],
      [3],
      [4, 5, 6],
    ]);
    expect(slides.map((slide) => [slide.title, slide.continued])).toEqual([
      ['Link', false],
      ['Link', true],
      ['Link', true],
    ]);
  });

  it("keeps the text after a section's last step on that step's slide", () => {
    expect(cuts([h(2, 'Enable'), text, step('a'), text, h(2, 'Next')])).toEqual([[0, 1, 2, 3], [4]]);
  });

  it('gives a figure that follows text a slide of its own, with the text that comments it', () => {
    expect(cuts([h(1, 'Split'), text, text, figure, text, h(2, 'Log in')])).toEqual([[0, 1, 2], [3, 4], [5]]);
  });

  it("leaves a figure right under its heading on the heading's slide", () => {
    expect(cuts([h(2, 'Diagram'), figure, text])).toEqual([[0, 1, 2]]);
  });

  it("keeps a figure's caption with the figure when a step follows", () => {
    expect(cuts([h(2, 'Expose'), step('a'), text, figure, caption, text, step('b')])).toEqual([
      [0, 1],
      [2, 3, 4],
      [5, 6],
    ]);
  });

  it('puts presenter notes on the slide they are written in, and never counts them as content', () => {
    const slides = splitIntoSlides([h(2, 'A'), note, figure, text, note]);
    expect(slides).toHaveLength(1);
    expect(slides[0]?.notes).toEqual([1, 4]);
  });

  it('makes a slide of whatever comes before the first heading', () => {
    expect(cuts([text, step('a'), h(2, 'B')])).toEqual([[0, 1], [2]]);
  });

  it('has no slides for an empty page', () => {
    expect(splitIntoSlides([])).toEqual([]);
  });

  it('cuts the same slides with and without the notes, so presenter and audience count alike', () => {
    const withNotes = [h(1, 'T'), text, note, figure, text, h(2, 'A'), text, step('a'), note, step('b')];
    const withoutNotes = withNotes.filter((block) => block.kind !== 'note');
    const titles = (blocks: SlideBlock[]) => splitIntoSlides(blocks).map((s) => [s.title, s.stepIds.join()]);
    expect(titles(withNotes)).toEqual(titles(withoutNotes));
  });
});
