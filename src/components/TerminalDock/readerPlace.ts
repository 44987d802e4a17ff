/**
 * A reset before a snapshot (the server fast-forwarded a flood the page could not draw, or the page
 * reconnected) keeps a reader who had scrolled up as many rows above the newest line as before, as a
 * terminal keeps them while output streams in. xterm's reset alone put them back at the bottom at
 * every snapshot: during a flood, one could not scroll up at all. A reader at the bottom stays there.
 */
import type { PacedScreen } from './writePacer';

/** What of xterm's Terminal this needs (the page's xterm, or @xterm/headless in a test). */
export interface ScrollableScreen extends PacedScreen {
  readonly buffer: { readonly active: { readonly baseY: number; readonly viewportY: number } };
  scrollToLine(line: number): void;
}

export function keepingReaderPlace(screen: ScrollableScreen): PacedScreen {
  /** Rows above the newest line the reader was at, for the write after a reset (the snapshot). */
  let rowsUp: number | null = null;
  return {
    reset() {
      // Resets in a row: the first one knows where the reader was.
      if (rowsUp === null) {
        const { baseY, viewportY } = screen.buffer.active;
        rowsUp = baseY - viewportY;
      }
      screen.reset();
    },
    write(data, parsed) {
      const up = rowsUp;
      rowsUp = null;
      if (!up) return screen.write(data, parsed);
      screen.write(data, () => {
        screen.scrollToLine(Math.max(0, screen.buffer.active.baseY - up));
        parsed?.();
      });
    },
  };
}
