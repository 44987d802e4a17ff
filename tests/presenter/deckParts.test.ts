import { describe, expect, it } from 'vitest';
import { deckActionFor, type KeyLike } from '../../src/components/Presenter/deckKeys';
import { isPresenterMessage } from '../../src/components/Presenter/presenterChannel';
import { roleFromSearch } from '../../src/components/Presenter/presenterRole';
import { slideStyle } from '../../src/components/Presenter/slideStyle';
import type { Slide } from '../../src/components/Presenter/slides';
import { formatElapsed } from '../../src/components/Presenter/elapsed';
import { deckPath, decksFor, docsFromAllContent } from '../../src/plugins/presenter/deckRoutes';

const key = (k: string, extra: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...extra,
});

describe('deck keys', () => {
  it.each([
    ['ArrowRight', 'next'],
    ['PageDown', 'next'],
    [' ', 'next'],
    ['ArrowLeft', 'previous'],
    ['PageUp', 'previous'],
    ['r', 'run'],
    ['s', 'stop'],
    ['t', 'toggle-terminal'],
    ['b', 'blank'],
    ['.', 'blank'],
    ['Escape', 'exit'],
    ['?', 'help'],
  ])('maps %j to %s (clickers send Page Up/Down, arrows, b and .)', (name, action) => {
    expect(deckActionFor(key(name))).toBe(action);
  });

  it('goes back on Shift+Space, and leaves Ctrl/Cmd/Alt combinations to the browser', () => {
    expect(deckActionFor(key(' ', { shiftKey: true }))).toBe('previous');
    expect(deckActionFor(key('r', { ctrlKey: true }))).toBeNull();
    expect(deckActionFor(key('ArrowRight', { metaKey: true }))).toBeNull();
    expect(deckActionFor(key('x'))).toBeNull();
  });
});

describe('the slide style', () => {
  const slides: Slide[] = [
    { start: 0, end: 3, title: 'A', continued: false, stepIds: [], notes: [] },
    { start: 3, end: 5, title: 'B', continued: false, stepIds: ['s'], notes: [] },
  ];

  it('hides on screen every block outside the current slide (nth-child is 1-based)', () => {
    expect(slideStyle('#deck', slides, 1)).toContain(
      '@media screen { #deck > :not(:nth-child(n + 4):nth-child(-n + 5)) { display: none !important; } }',
    );
  });

  it('starts every slide but the first on a new printed page', () => {
    expect(slideStyle('#deck', slides, 0)).toContain(
      '@media print { #deck > :nth-child(4) { break-before: page; } }',
    );
  });
});

describe('messages between the presenter and audience windows', () => {
  it('accepts a well-formed state and hello', () => {
    expect(isPresenterMessage({ type: 'hello' })).toBe(true);
    expect(
      isPresenterMessage({
        type: 'state',
        slide: 3,
        blank: false,
        terminals: { open: ['north', 'south'], active: 'south', hidden: false },
      }),
    ).toBe(true);
  });

  it.each([
    null,
    'state',
    { type: 'state', slide: 1.5, blank: false, terminals: { open: [], active: null, hidden: false } },
    { type: 'state', slide: 1, blank: 'no', terminals: { open: [], active: null, hidden: false } },
    { type: 'state', slide: 1, blank: false, terminals: { open: [3], active: null, hidden: false } },
    { type: 'state', slide: 1, blank: false },
    { type: 'run', command: 'rm -rf ~' },
  ])('refuses %j', (value) => {
    expect(isPresenterMessage(value)).toBe(false);
  });
});

describe('deck routes and roles', () => {
  it("puts each page's deck under /present, the home page at /present itself", () => {
    expect(deckPath('/split-deployment')).toBe('/present/split-deployment');
    expect(deckPath('/')).toBe('/present');
    expect(deckPath('/a/b/')).toBe('/present/a/b');
  });

  it("reads the docs plugin's content and skips docs without what a deck needs", () => {
    const docs = docsFromAllContent({
      'docusaurus-plugin-content-docs': {
        default: {
          loadedVersions: [
            {
              docs: [
                {
                  id: 'split-deployment',
                  title: 'Split',
                  permalink: '/split-deployment',
                  source: '@site/docs/split-deployment.md',
                },
                { id: 'broken', permalink: '/broken' },
              ],
            },
          ],
        },
      },
    });
    expect(decksFor(docs)).toEqual([
      {
        source: '@site/docs/split-deployment.md',
        deck: {
          docId: 'split-deployment',
          title: 'Split',
          permalink: '/split-deployment',
          path: '/present/split-deployment',
        },
      },
    ]);
  });

  it('opens the audience view only for ?view=audience', () => {
    expect(roleFromSearch('?view=audience')).toBe('audience');
    expect(roleFromSearch('')).toBe('presenter');
    expect(roleFromSearch('?view=presenter&x=1')).toBe('presenter');
  });

  it('shows elapsed time as mm:ss, with hours once past one', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(61_500)).toBe('01:01');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
