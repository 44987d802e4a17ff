import React, { useCallback } from 'react';
import styles from './styles.module.css';

interface Props {
  height: number;
  onResize(height: number): void;
}

/** Drag (pointer) or arrow keys (keyboard): a separator as WAI-ARIA describes one. */
export default function DockResizeHandle({ height, onResize }: Props): React.JSX.Element {
  const onPointerDown = useCallback(
    (event: React.PointerEvent<HTMLDivElement>) => {
      event.preventDefault();
      const startY = event.clientY;
      const startHeight = height;
      const target = event.currentTarget;
      target.setPointerCapture(event.pointerId);
      const move = (moveEvent: PointerEvent) => onResize(startHeight + (startY - moveEvent.clientY));
      const up = () => {
        target.removeEventListener('pointermove', move);
        target.removeEventListener('pointerup', up);
        target.removeEventListener('pointercancel', up);
      };
      target.addEventListener('pointermove', move);
      target.addEventListener('pointerup', up);
      target.addEventListener('pointercancel', up);
    },
    [height, onResize],
  );
  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.shiftKey ? 80 : 20;
    if (event.key === 'ArrowUp') onResize(height + step);
    else if (event.key === 'ArrowDown') onResize(height - step);
    else return;
    event.preventDefault();
  };
  return (
    <div
      className={styles.handle}
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize terminal dock"
      aria-valuenow={height}
      aria-valuemin={120}
      aria-valuemax={2000}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
