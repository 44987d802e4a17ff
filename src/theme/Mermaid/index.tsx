/**
 * Wraps the theme's Mermaid diagram in an element that is there from the first render. The original
 * renders nothing until mermaid (loaded lazily) has drawn the SVG, so the page's blocks changed under
 * a reader's eyes and under the presenter's deck, whose slides are cut from those blocks: the deck
 * counted one slide fewer until the diagram arrived. The wrapper keeps the block, and its place, stable.
 */
import React, { type ReactNode } from 'react';
import Mermaid from '@theme-original/Mermaid';
import type { Props } from '@theme/Mermaid';
import { DIAGRAM_ATTRIBUTE } from '../../components/Presenter/slideBlocks';

export default function MermaidWrapper(props: Props): ReactNode {
  return (
    <div {...{ [DIAGRAM_ATTRIBUTE]: '' }} className="rw-diagram">
      <Mermaid {...props} />
    </div>
  );
}
