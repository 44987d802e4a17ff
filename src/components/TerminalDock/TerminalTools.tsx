/**
 * What a terminal tab offers beside typing: search of the scrollback (Ctrl+Shift+F), clear, a
 * scroll-to-bottom button while the newest line is off screen, a right-click menu with Copy and
 * Paste, and on touch screens a bar of the keys a soft keyboard lacks.
 */
import React, { useEffect, useRef, useState, type RefObject } from 'react';
import type { TerminalView } from './terminalView';
import styles from './tools.module.css';

interface Props {
  view: TerminalView | null;
  /** The element right-clicks are caught on (the terminal's screen). */
  screen: RefObject<HTMLDivElement | null>;
  readOnly: boolean;
}

const TOUCH_KEYS: { label: string; name: string; sequence?: string }[] = [
  { label: 'Esc', name: 'Escape', sequence: '\x1b' },
  { label: 'Tab', name: 'Tab', sequence: '\t' },
  { label: 'Ctrl', name: 'Control (applies to the next key)' },
  { label: '←', name: 'Left', sequence: '\x1b[D' },
  { label: '↑', name: 'Up', sequence: '\x1b[A' },
  { label: '↓', name: 'Down', sequence: '\x1b[B' },
  { label: '→', name: 'Right', sequence: '\x1b[C' },
  { label: '|', name: 'Pipe', sequence: '|' },
  { label: '~', name: 'Tilde', sequence: '~' },
];

export default function TerminalTools({ view, screen, readOnly }: Props): React.JSX.Element | null {
  const [searching, setSearching] = useState(false);
  const [atBottom, setAtBottom] = useState(true);
  const [menu, setMenu] = useState<{ x: number; y: number; canCopy: boolean } | null>(null);
  const touch = useCoarsePointer();
  const searchBox = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!view) return;
    view.onSearchRequest = () => setSearching(true);
    const watching = view.watchAtBottom(setAtBottom);
    return () => {
      view.onSearchRequest = null;
      watching.dispose();
    };
  }, [view]);

  useEffect(() => {
    if (searching) searchBox.current?.focus();
  }, [searching]);

  useEffect(() => {
    const element = screen.current;
    if (!element || !view) return;
    const open = (event: MouseEvent) => {
      event.preventDefault();
      const box = element.getBoundingClientRect();
      setMenu({ x: event.clientX - box.left, y: event.clientY - box.top, canCopy: view.hasSelection() });
    };
    element.addEventListener('contextmenu', open);
    return () => element.removeEventListener('contextmenu', open);
  }, [screen, view]);

  if (!view) return null;
  const closeSearch = () => {
    setSearching(false);
    view.endSearch();
  };
  const paste = async () => {
    setMenu(null);
    try {
      view.paste(await navigator.clipboard.readText());
    } catch (error) {
      console.warn('[runner] the browser did not allow reading the clipboard; use Ctrl+V', error);
    }
  };
  return (
    <>
      <div className={styles.tools}>
        {searching ? (
          <div role="search" className={styles.search}>
            <input
              ref={searchBox}
              type="search"
              aria-label="Search the terminal"
              placeholder="Search"
              onChange={(event) => view.find(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') view.find(event.currentTarget.value, event.shiftKey);
                if (event.key === 'Escape') closeSearch();
              }}
            />
            <button type="button" aria-label="Close search" onClick={closeSearch}>
              ×
            </button>
          </div>
        ) : (
          <button type="button" onClick={() => setSearching(true)} title="Search (Ctrl+Shift+F)">
            Search
          </button>
        )}
        <button type="button" onClick={() => view.clear()} title="Clear the scrollback">
          Clear
        </button>
      </div>
      {atBottom ? null : (
        <button type="button" className={styles.toBottom} onClick={() => view.scrollToBottom()}>
          ↓ Scroll to bottom
        </button>
      )}
      {menu ? (
        <div
          role="menu"
          aria-label="Terminal"
          className={styles.menu}
          style={{ left: menu.x, top: menu.y }}
          onKeyDown={(event) => event.key === 'Escape' && setMenu(null)}
          onMouseLeave={() => setMenu(null)}
        >
          <button
            type="button"
            role="menuitem"
            disabled={!menu.canCopy}
            onClick={() => {
              setMenu(null);
              void view.copySelection();
            }}
          >
            Copy
          </button>
          {readOnly ? null : (
            <button type="button" role="menuitem" onClick={() => void paste()}>
              Paste
            </button>
          )}
        </div>
      ) : null}
      {touch && !readOnly ? (
        <div role="toolbar" aria-label="Terminal keys" className={styles.keyBar}>
          {TOUCH_KEYS.map((key) => (
            <button
              type="button"
              key={key.label}
              aria-label={key.name}
              // Keeps the soft keyboard up: the terminal keeps the focus.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => (key.sequence ? view.sendKey(key.sequence) : view.armCtrl())}
            >
              {key.label}
            </button>
          ))}
        </div>
      ) : null}
    </>
  );
}

function useCoarsePointer(): boolean {
  const [coarse, setCoarse] = useState(false);
  useEffect(() => {
    const query = window.matchMedia('(pointer: coarse)');
    const update = () => setCoarse(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return coarse;
}
