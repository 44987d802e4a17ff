/**
 * The page's terminal on stage: the same dock the reader has (one connection, one set of xterm
 * sessions), made large while a deck is open and put back as it was when the deck closes. An
 * audience window opens and shows the terminals the presenter's window shows, read-only.
 */
import { useEffect, useState } from 'react';
import type { Runtime } from '../../client/runtime';
import type { TerminalView } from './presenterChannel';
import { dockSpace } from '../../client/dockState';
import { useStoreValue } from '../../client/hooks';

/** Terminal text on stage is read from the back of a room. */
const STAGE_FONT_SIZE = 20;
const STAGE_HEIGHT_SHARE = 0.42;

export function terminalView(runtime: Runtime): TerminalView {
  const dock = runtime.dock.get();
  return {
    open: dock.tabs.filter((tab) => tab.kind === 'server').map((tab) => tab.name),
    active: dock.active,
    hidden: dock.collapsed,
  };
}

/** Enlarges the dock for the deck's lifetime; the reader's own sizes come back afterwards. */
export function useStageDock(runtime: Runtime | null): void {
  useEffect(() => {
    if (!runtime) return;
    const dock = runtime.dock;
    const saved = { height: dock.get().height, fontSize: dock.get().fontSize };
    dock.setHeight(window.innerHeight * STAGE_HEIGHT_SHARE);
    if (saved.fontSize < STAGE_FONT_SIZE) dock.changeFontSize(STAGE_FONT_SIZE - saved.fontSize);
    let restored = false;
    const restore = () => {
      if (restored) return;
      restored = true;
      dock.setHeight(saved.height);
      dock.changeFontSize(saved.fontSize - dock.get().fontSize);
    };
    window.addEventListener('pagehide', restore);
    return () => {
      window.removeEventListener('pagehide', restore);
      restore();
    };
  }, [runtime]);
}

/** In an audience window: attach read-only, and open the terminals the presenter has open. */
export function useFollowTerminals(runtime: Runtime | null, wanted: TerminalView | null): void {
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!runtime) return;
    setConnected(runtime.connectionState.get() === 'connected');
    return runtime.connectionState.subscribe(() =>
      setConnected(runtime.connectionState.get() === 'connected'),
    );
  }, [runtime]);

  useEffect(() => {
    if (!runtime || !connected) return;
    // On another device no presenter window talks to us: show every terminal the server has.
    const target = wanted ?? everyTerminal(runtime);
    if (!target) return;
    const open = new Set(runtime.dock.get().tabs.map((tab) => tab.name));
    for (const name of target.open) {
      if (!open.has(name)) {
        void runtime.openTerminal(name, false).then((problem) => {
          if (problem) console.warn(`[presenter] cannot show terminal ${name}: ${problem.message}`);
        });
      }
    }
    // The presenter's window decides: what it has closed, the projector closes too.
    if (wanted) {
      for (const tab of runtime.dock.get().tabs) {
        if (tab.kind === 'server' && !wanted.open.includes(tab.name)) runtime.dock.closeTab(tab.name);
      }
    }
    if (target.active && target.open.includes(target.active)) runtime.dock.activate(target.active);
    runtime.dock.setCollapsed(target.hidden);
  }, [runtime, wanted, connected]);
}

function everyTerminal(runtime: Runtime): TerminalView | null {
  const names = runtime.connection.serverTerminals.map((terminal) => terminal.name);
  return names.length > 0 ? { open: names, active: names[0] ?? null, hidden: false } : null;
}

/** How much of the window's bottom the dock covers, from the dock's own store. */
export function useDockSpace(runtime: Runtime | null): number {
  const dock = useStoreValue(runtime?.dock, null);
  return dock && runtime ? dockSpace(dock, runtime.hasEndpoint) : 0;
}
