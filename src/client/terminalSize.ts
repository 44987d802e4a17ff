/**
 * A terminal's size before xterm exists, so that the first Run can attach (and the server start
 * the shell) while xterm still loads. Measured like xterm does (a canvas, the same font), from the
 * dock's size; xterm's own fit follows and a resize corrects any difference.
 */
import type { TerminalSize } from './terminalChannel';

/** A concrete list: xterm measures glyphs on a canvas, where CSS variables mean nothing. */
export const TERMINAL_FONT_FAMILY =
  'SFMono-Regular, Menlo, Monaco, Consolas, "Liberation Mono", "DejaVu Sans Mono", monospace';

/** The panel's padding (0.25rem 0.5rem) and room for xterm's scrollbar. */
const SIDE_PX = 16 + 14;
const TOP_BOTTOM_PX = 8;

export function estimateTerminalSize(widthPx: number, heightPx: number, fontSize: number): TerminalSize {
  let cellWidth = fontSize * 0.6;
  let cellHeight = Math.ceil(fontSize * 1.2);
  try {
    const context = document.createElement('canvas').getContext('2d');
    if (context) {
      context.font = `${fontSize}px ${TERMINAL_FONT_FAMILY}`;
      const metrics = context.measureText('W');
      if (metrics.width > 0) cellWidth = metrics.width;
      const height = metrics.fontBoundingBoxAscent + metrics.fontBoundingBoxDescent;
      if (height > 0) cellHeight = Math.ceil(height);
    }
  } catch (error) {
    console.debug('[runner] no canvas to measure the terminal font; estimating', error);
  }
  return {
    cols: Math.max(2, Math.min(500, Math.floor((widthPx - SIDE_PX) / cellWidth))),
    rows: Math.max(1, Math.min(200, Math.floor((heightPx - TOP_BOTTOM_PX) / cellHeight))),
  };
}
