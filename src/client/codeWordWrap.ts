/**
 * The code block's word-wrap state, as the theme's `useCodeWordWrap` gives it, with one change: whether
 * the code is wider than its block is read when the browser has just laid the block out (a
 * ResizeObserver), not in an effect. The theme's effect read `scrollWidth` in every block as the page
 * hydrated, each read forcing a layout of the whole page: ~35 ms of /running-locally's hydration on
 * this machine (140 ms on Lighthouse's 4× slower phone). A block's size changes cover what the theme
 * also listened for: a window resize, a hidden tab shown, wrapping turned on or off.
 */
import type { useCodeWordWrap as themeUseCodeWordWrap } from '@docusaurus/theme-common/internal';
import { startTransition, useCallback, useEffect, useRef, useState } from 'react';

type WordWrap = ReturnType<typeof themeUseCodeWordWrap>;

const watchers = new WeakMap<Element, () => void>();
let observer: ResizeObserver | undefined;

/** One observer for every block on the page. */
function watchSize(element: Element, changed: () => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) watchers.get(entry.target)?.();
  });
  watchers.set(element, changed);
  observer.observe(element);
  return () => {
    watchers.delete(element);
    observer?.unobserve(element);
  };
}

function isWiderThanBlock(block: HTMLElement): boolean {
  return block.scrollWidth > block.clientWidth || block.querySelector('code')?.hasAttribute('style') === true;
}

export function useCodeWordWrap(): WordWrap {
  const [isEnabled, setIsEnabled] = useState(false);
  const [isCodeScrollable, setIsCodeScrollable] = useState(false);
  const codeBlockRef = useRef<HTMLPreElement>(null);

  const toggle = useCallback(() => {
    const code = codeBlockRef.current?.querySelector('code');
    if (!code) return;
    if (isEnabled) {
      code.removeAttribute('style');
    } else {
      code.style.whiteSpace = 'pre-wrap';
      // As the theme's: no scrollbar once wrapping is on, even for one very long word.
      code.style.overflowWrap = 'anywhere';
    }
    setIsEnabled((enabled) => !enabled);
  }, [isEnabled]);

  useEffect(() => {
    const block = codeBlockRef.current;
    if (!block) return;
    // Called first once the block has been laid out, then whenever its size changes. A transition:
    // the blocks that turn out wider than their code re-render without holding the page.
    return watchSize(block, () => {
      const scrollable = isWiderThanBlock(block);
      startTransition(() => setIsCodeScrollable(scrollable));
    });
  }, []);

  return { codeBlockRef, isEnabled, isCodeScrollable, toggle };
}
