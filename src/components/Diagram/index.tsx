/**
 * A diagram drawn at build time (`npm run diagrams`, src/plugins/diagrams): one inline SVG whose own
 * <style> carries both colour modes' colours, so switching modes redraws nothing and no reader runs
 * mermaid. A diagram edited since its last drawing shows its source and how to draw it.
 */
import React, { type ReactNode } from 'react';
import { DIAGRAM_ATTRIBUTE } from '../Presenter/slideBlocks';
import styles from './styles.module.css';

export interface DiagramProps {
  hash: string;
  svg?: string;
  /** Only when there is no drawing for this source yet. */
  source?: string;
}

export default function Diagram({ hash, svg, source }: DiagramProps): ReactNode {
  const marker = { [DIAGRAM_ATTRIBUTE]: hash };
  if (svg === undefined) {
    return (
      <div {...marker} className={styles.diagram}>
        <p className={styles.undrawn}>
          This diagram has not been drawn yet: run <code>npm run diagrams</code>.
        </p>
        <pre>{source}</pre>
      </div>
    );
  }
  // Scrolls sideways rather than shrink below a readable size (styles.module.css): focusable, so
  // a keyboard can scroll it too.
  return (
    <div
      {...marker}
      className={styles.diagram}
      style={readableWidth(svg)}
      tabIndex={0}
      role="region"
      aria-label="Diagram"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}

/** Below this share of its drawn size, a diagram's 16 px labels are smaller than 10 px. */
const SMALLEST_SCALE = 0.6;

/** The narrowest the diagram may be drawn, from the width mermaid drew it at (its `max-width`). */
function readableWidth(svg: string): React.CSSProperties | undefined {
  const drawn = /max-width:\s*([\d.]+)px/.exec(svg)?.[1];
  if (drawn === undefined) return undefined;
  return {
    '--rw-diagram-min-width': `${Math.round(Number(drawn) * SMALLEST_SCALE)}px`,
  } as React.CSSProperties;
}
