/**
 * Docusaurus's Link prefetches the page behind every link that scrolls into view; the page runs
 * those prefetches when idle, a slice at a time, and leaves `preload` (hover, touch) alone. Window
 * and the idle callbacks are stand-ins here: the behaviour is the queue, not the browser's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { prefetchWhenIdle } from '../../src/client/idlePrefetch';

interface FakeWindow {
  docusaurus: { prefetch: (url: string) => unknown; preload: (url: string) => unknown };
  requestIdleCallback: (run: () => void) => number;
  setTimeout: typeof setTimeout;
}

describe('prefetches when the page is idle', () => {
  let idle: Array<() => void>;
  let clock: number;
  let prefetched: string[];
  const preload = vi.fn(() => false as const);
  let fake: FakeWindow;

  beforeEach(() => {
    idle = [];
    clock = 0;
    prefetched = [];
    fake = {
      // Each real prefetch takes 3 ms of the main thread here.
      docusaurus: { prefetch: (url) => ((clock += 3), prefetched.push(url), false), preload },
      requestIdleCallback: (run) => idle.push(run),
      setTimeout,
    };
    vi.stubGlobal('window', fake);
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    prefetchWhenIdle();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  const runIdle = () => idle.splice(0).forEach((run) => run());

  it('fetches nothing while the page is busy: a link coming into view only queues its page', () => {
    fake.docusaurus.prefetch('/requirements');
    fake.docusaurus.prefetch('/clean-up');
    expect(prefetched).toEqual([]);
    expect(idle).toHaveLength(1);
  });

  it('fetches the queue in order, a few milliseconds per idle moment, until it is empty', () => {
    for (const page of ['/a', '/b', '/c', '/d', '/e']) fake.docusaurus.prefetch(page);
    runIdle();
    expect(prefetched).toEqual(['/a', '/b']);
    runIdle();
    runIdle();
    expect(prefetched).toEqual(['/a', '/b', '/c', '/d', '/e']);
    expect(idle).toHaveLength(0);
  });

  it('leaves preload (a hovered or touched link) as it was', () => {
    fake.docusaurus.preload('/requirements');
    expect(preload).toHaveBeenCalledWith('/requirements');
    expect(idle).toHaveLength(0);
  });

  it('wraps Docusaurus once, however often it is asked', () => {
    const wrapped = fake.docusaurus;
    prefetchWhenIdle();
    expect(fake.docusaurus).toBe(wrapped);
  });
});
