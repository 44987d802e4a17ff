/**
 * Wraps the theme's Mermaid diagram in an element that is there from the first render. The original
 * renders nothing until mermaid (loaded lazily) has drawn the SVG, so the page's blocks changed under
 * a reader's eyes and under the presenter's deck, whose slides are cut from those blocks: the deck
 * counted one slide fewer until the diagram arrived. The wrapper keeps the block, and its place, stable.
 *
 * The original is rendered only once the diagram is near the viewport and the page has loaded and is
 * idle: mermaid and what it loads weigh ~190 KB gzip, as much as the rest of the page's JavaScript, so
 * it must neither compete with the page's first render nor be fetched for a diagram never shown (far
 * down a page, or on a deck slide not yet presented: hidden slides never intersect).
 */
import React, { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import Mermaid from '@theme-original/Mermaid';
import type { Props } from '@theme/Mermaid';
import { DIAGRAM_ATTRIBUTE } from '../../components/Presenter/slideBlocks';

/** About two screens ahead: a reader scrolling down finds the diagram drawn, not drawing. */
const NEAR_VIEWPORT = '1500px 0px';
/** The longest an idle callback may wait on a page that never goes idle. */
const IDLE_TIMEOUT_MS = 1000;

export default function MermaidWrapper(props: Props): ReactNode {
  const wrapper = useRef<HTMLDivElement>(null);
  const shown = useShownWhenNearAndIdle(wrapper);
  return (
    <div ref={wrapper} {...{ [DIAGRAM_ATTRIBUTE]: '' }} className="rw-diagram">
      {shown ? <Mermaid {...props} /> : null}
    </div>
  );
}

function useShownWhenNearAndIdle(element: RefObject<HTMLElement | null>): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const target = element.current;
    if (shown || !target) return;
    let cancelled = false;
    const cancels: (() => void)[] = [];
    const show = () => {
      if (!cancelled) setShown(true);
    };
    const whenNear = () => {
      const observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((entry) => entry.isIntersecting)) return;
          observer.disconnect();
          cancels.push(whenIdle(show));
        },
        { rootMargin: NEAR_VIEWPORT },
      );
      observer.observe(target);
      cancels.push(() => observer.disconnect());
    };
    cancels.push(afterLoad(whenNear));
    return () => {
      cancelled = true;
      for (const cancel of cancels) cancel();
    };
  }, [element, shown]);
  return shown;
}

/** Runs `then` once the window's load event has fired (the page's own scripts and images are in). */
function afterLoad(then: () => void): () => void {
  if (document.readyState === 'complete') {
    then();
    return () => {};
  }
  window.addEventListener('load', then, { once: true });
  return () => window.removeEventListener('load', then);
}

function whenIdle(then: () => void): () => void {
  // Safari has no requestIdleCallback.
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(then, { timeout: IDLE_TIMEOUT_MS });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(then, 200);
  return () => window.clearTimeout(handle);
}
