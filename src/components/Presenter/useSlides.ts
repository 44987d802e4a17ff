/** The deck's slides, read from its rendered content and read again whenever its blocks change. */
import { useEffect, useState, type RefObject } from 'react';
import { readSlideBlocks } from './slideBlocks';
import { splitIntoSlides, type Slide } from './slides';

const NONE: Slide[] = [];

export function useSlides(content: RefObject<HTMLElement | null>): Slide[] {
  const [slides, setSlides] = useState<Slide[]>(NONE);
  useEffect(() => {
    const element = content.current;
    if (!element) return;
    const read = () => setSlides(splitIntoSlides(readSlideBlocks(element)));
    read();
    // Presenter notes appear once the role is known, diagrams once rendered: the blocks change.
    const observer = new MutationObserver(read);
    observer.observe(element, { childList: true });
    return () => observer.disconnect();
  }, [content]);
  return slides;
}
