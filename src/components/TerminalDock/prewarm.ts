/**
 * A live page opens its first terminal before the first Run. Once the page is connected and idle,
 * the `main` terminal's xterm is created and opened in a hidden box of the dock's screen size, so the
 * Run's click only moves it into the dock: creating xterm's renderer and measuring the font were
 * the largest part of a first Run on a fresh page (bench/README.md, "first Run on a fresh page").
 */
import { whenIdle } from '../../client/idle';
import { loadTerminal } from '../../client/loadTerminal';
import type { Disposable } from '../../protocol/disposable';
import { findView, keepView } from './terminalViews';
import { TerminalView, type TerminalViewOptions } from './terminalView';

export function prewarmTerminal(
  options: TerminalViewOptions,
  size: { width: number; height: number },
): Disposable {
  let cancelled = false;
  const cancelIdle = whenIdle(() => {
    // A failed load is reported by the Run that needs xterm, not here.
    loadTerminal().then(
      (kit) => {
        if (cancelled || findView(options.name)) return;
        const view = new TerminalView(kit, options);
        keepView(view);
        view.park(parkingBox(size));
        // The panel's tools (search, key bar) come with the first terminal: fetched now, not then.
        import('./TerminalTools').catch(() => undefined);
      },
      () => undefined,
    );
  }, 2000);
  return {
    dispose: () => {
      cancelled = true;
      cancelIdle();
    },
  };
}

/**
 * Hidden but laid out (under display: none there is no size to measure the font in); fixed, so the
 * page never scrolls to it; contained, so laying it out never lays out the page; a grid, so the
 * terminal's host fills it as it fills the dock's screen.
 */
function parkingBox({ width, height }: { width: number; height: number }): HTMLElement {
  const box = document.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.dataset.rwParking = '';
  box.style.cssText = `position:fixed;left:0;top:0;width:${width}px;height:${height}px;visibility:hidden;pointer-events:none;contain:strict;z-index:-1;display:grid`;
  document.body.appendChild(box);
  return box;
}
