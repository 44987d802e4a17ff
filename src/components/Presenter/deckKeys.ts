/**
 * The deck's keys. Presentation clickers send PageDown/PageUp (some send arrows, "b" or "." to
 * blank), so those work everywhere; the rest follow the conventions of slide tools (reveal.js,
 * Slidev, PowerPoint) where they exist.
 */
export type DeckAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'run'
  | 'stop'
  | 'toggle-terminal'
  | 'blank'
  | 'fullscreen'
  | 'exit'
  | 'help';

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** For the help overlay: each action with the keys that do it, as shown to people. */
export const DECK_KEYS: readonly { action: DeckAction; keys: string[]; does: string }[] = [
  { action: 'next', keys: ['→', 'Space', 'Page Down', '↓'], does: 'next slide' },
  { action: 'previous', keys: ['←', 'Shift+Space', 'Page Up', '↑'], does: 'previous slide' },
  { action: 'first', keys: ['Home'], does: 'first slide' },
  { action: 'last', keys: ['End'], does: 'last slide' },
  { action: 'run', keys: ['r'], does: "run this slide's step (again: its next step)" },
  { action: 'stop', keys: ['s'], does: "stop this slide's running step (Ctrl-C)" },
  { action: 'toggle-terminal', keys: ['t'], does: 'show or hide the terminal' },
  { action: 'blank', keys: ['b', '.'], does: 'blank the screen (again to come back)' },
  { action: 'fullscreen', keys: ['f'], does: 'full screen' },
  { action: 'exit', keys: ['Escape'], does: 'back to the page' },
  { action: 'help', keys: ['?'], does: 'this help' },
];

export function deckActionFor(event: KeyLike): DeckAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
    case 'PageDown':
      return 'next';
    case ' ':
      return event.shiftKey ? 'previous' : 'next';
    case 'ArrowLeft':
    case 'ArrowUp':
    case 'PageUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'r':
    case 'R':
      return 'run';
    case 's':
    case 'S':
      return 'stop';
    case 't':
    case 'T':
      return 'toggle-terminal';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'f':
    case 'F':
      return 'fullscreen';
    case 'Escape':
      return 'exit';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** Keys typed into a terminal, a form field or an editable element belong to it, not to the deck. */
export function belongsToAField(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.xterm')) return true;
  return target.matches('input, textarea, select, [contenteditable=""], [contenteditable="true"]');
}
