/**
 * Scales a slide down when it is taller than the stage (a long step, a tall diagram), so nothing
 * on it is cut off or needs scrolling in front of a room. Never scales up: type is already large.
 */
import { useEffect, type DependencyList, type RefObject } from 'react';

const SMALLEST = 0.45;
/** Diagrams and fonts arrive after the slide does: look again once they have. */
const SETTLE_MS = [150, 800];

export function useFitToStage(
  stage: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
  deps: DependencyList,
): void {
  useEffect(() => {
    const fit = () => {
      const area = stage.current;
      const slide = content.current;
      if (!area || !slide) return;
      slide.style.zoom = '1';
      const available = area.clientHeight;
      const needed = slide.scrollHeight;
      const scale = needed > available && needed > 0 ? Math.max(SMALLEST, available / needed) : 1;
      slide.style.zoom = String(Math.floor(scale * 100) / 100);
    };
    fit();
    const timers = SETTLE_MS.map((ms) => setTimeout(fit, ms));
    window.addEventListener('resize', fit);
    return () => {
      timers.forEach(clearTimeout);
      window.removeEventListener('resize', fit);
    };
    // The caller names what changes the slide's size.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stage, content, ...deps]);
}
