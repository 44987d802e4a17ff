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
  return <div {...marker} className={styles.diagram} dangerouslySetInnerHTML={{ __html: svg }} />;
}
