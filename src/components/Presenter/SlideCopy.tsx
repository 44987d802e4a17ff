/**
 * A still copy of some of the deck's blocks (the next slide's preview, the current slide's notes).
 * Copied from the rendered page rather than rendered a second time, so steps do not register twice
 * and ids stay unique where it matters (headings are the page's anchors).
 */
import React, { useEffect, useRef } from 'react';

interface Props {
  content: HTMLElement | null;
  /** Indexes of the content's blocks to copy; copied again when this changes. */
  blocks: readonly number[];
  /** Copy the inside of each block (a note's text) rather than the block itself. */
  inner?: boolean;
  className?: string;
  label: string;
}

export default function SlideCopy({
  content,
  blocks,
  inner = false,
  className,
  label,
}: Props): React.JSX.Element {
  const target = useRef<HTMLDivElement>(null);
  const key = blocks.join(',');
  useEffect(() => {
    const element = target.current;
    if (!element || !content) return;
    const copies = key
      .split(',')
      .filter(Boolean)
      .flatMap((index) => {
        const block = content.children[Number(index)];
        if (!block) return [];
        const copy = block.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[id]:not(svg [id]), button').forEach((node) => {
          if (node.tagName === 'BUTTON') node.remove();
          else node.removeAttribute('id');
        });
        copy.removeAttribute('id');
        return inner ? Array.from(copy.childNodes) : [copy];
      });
    element.replaceChildren(...copies);
  }, [content, key, inner]);
  return <div ref={target} className={className} aria-label={label} role="region" />;
}
