/** React's view of the runtime. Every hook renders the static (no-runtime) answer first, so the
 * server-rendered HTML and the first browser render agree, then switches to live values. */
import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type { Runtime } from './runtime';
import { getRuntime } from './runtime';
import type { Store } from './store';

/**
 * The page's runtime once mounted in the browser; null during the static build and hydration.
 * It arrives as a transition: every step, the sidebar and the dock render live values then, and as
 * a plain update from the hydration's effects React rendered them all in one task that could not
 * yield (47 ms on /running-locally here, 190 ms on Lighthouse's 4× slower phone).
 */
export function useRuntime(): Runtime | null {
  const [runtime, setRuntime] = useState<Runtime | null>(null);
  useEffect(() => startTransition(() => setRuntime(getRuntime())), []);
  return runtime;
}

const noStore = {
  subscribe: () => () => {},
  get: () => undefined,
};

/** The store's value, or `fallback` while there is no runtime (static HTML, first render). */
export function useStoreValue<T, F>(store: Store<T> | null | undefined, fallback: F): T | F {
  const source = store ?? noStore;
  const value = useSyncExternalStore<T | undefined>(source.subscribe, source.get, () => undefined);
  return value === undefined ? fallback : value;
}

/**
 * One part of a store's value (`select` must return a stable value: a member, a string): the
 * component re-renders only when that part changes. Every step of a page watches the shared step
 * and output records; with the whole record each output frame would re-render every step.
 */
export function useStoreSlice<T, S, F>(
  store: Store<T> | null | undefined,
  select: (value: T) => S | undefined,
  fallback: F,
): S | F {
  const subscribe = store?.subscribe ?? noStore.subscribe;
  const value = useSyncExternalStore<S | undefined>(
    subscribe,
    store ? () => select(store.get()) : () => undefined,
    () => undefined,
  );
  return value === undefined ? fallback : value;
}

/** The site's colour mode, following the toggle live (Root sits above Docusaurus' colour context). */
export function useSiteColorMode(): 'light' | 'dark' {
  const [mode, setMode] = useState<'light' | 'dark'>('light');
  useEffect(() => {
    const html = document.documentElement;
    const read = () => setMode(html.dataset.theme === 'dark' ? 'dark' : 'light');
    read();
    const observer = new MutationObserver(read);
    observer.observe(html, { attributes: true, attributeFilter: ['data-theme'] });
    return () => observer.disconnect();
  }, []);
  return mode;
}
