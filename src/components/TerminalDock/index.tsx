/**
 * The terminal dock: fixed under the page, one tab per named terminal, resizable and collapsible.
 * Mounted from Root (so it survives navigation) while the page has a server to talk to or
 * something to replay: Root decides (`isDockShown`), so that its code loads only then.
 */
import React, { useCallback, useEffect, type ReactNode } from 'react';
import clsx from 'clsx';
import { dockSpace } from '../../client/dockState';
import { useSiteColorMode, useStoreValue } from '../../client/hooks';
import type { Runtime } from '../../client/runtime';
import ConnectionIndicator from './ConnectionIndicator';
import DockResizeHandle from './DockResizeHandle';
import TerminalPanel from './TerminalPanel';
import { allViews, endView } from './terminalViews';
import { prewarmTerminal } from './prewarm';
import { currentColorMode } from './terminalTheme';
import { DEFAULT_TERMINAL } from '../../remark/stepModel';
import styles from './styles.module.css';

/** The dock's tab bar's height (given to its CSS here): the screen has the dock's height less this. */
const BAR_HEIGHT_PX = 38;

interface Props {
  runtime: Runtime;
  /** Shown in the bar beside the connection's state: a hosted workshop's session time and follow link. */
  session?: ReactNode;
}

export default function TerminalDock({ runtime, session }: Props): React.JSX.Element | null {
  const dock = useStoreValue(runtime.dock, runtime.dock.get());
  const connection = useStoreValue(runtime.connectionState, runtime.connectionState.get());
  const workspace = useStoreValue(runtime.workspace, runtime.workspace.get());
  const colorMode = useSiteColorMode();

  useEffect(() => {
    for (const view of allViews()) view.setColorMode(colorMode);
  }, [colorMode]);

  // A live page with no terminal open yet gets the first one ready, out of sight (once: the
  // prewarm does nothing when the view exists).
  const canPrewarm = connection === 'connected' && dock.tabs.length === 0;
  useEffect(() => {
    if (!canPrewarm) return;
    const { fontSize, height } = runtime.dock.get();
    const warm = prewarmTerminal(
      { name: DEFAULT_TERMINAL, fontSize, colorMode: currentColorMode(), access: 'write' },
      { width: window.innerWidth, height: Math.max(0, height - BAR_HEIGHT_PX) },
    );
    return () => warm.dispose();
  }, [canPrewarm, runtime]);

  const onResize = useCallback((height: number) => runtime.dock.setHeight(height), [runtime]);
  const closeTab = (name: string) => {
    runtime.dock.closeTab(name);
    endView(name);
  };

  const showPanels = !dock.collapsed && dock.tabs.length > 0;
  return (
    <>
      {/* Keeps the end of the page readable above the dock (which is fixed over it). */}
      <div data-rw-dock-spacer aria-hidden style={{ height: dockSpace(dock, runtime.hasEndpoint) }} />
      <section
        className={clsx(styles.dock, dock.collapsed && styles.collapsed)}
        aria-label="Terminals"
        data-connection={connection}
        data-color-mode={colorMode}
      >
        {showPanels ? <DockResizeHandle height={dock.height} onResize={onResize} /> : null}
        <header className={styles.bar} style={{ minHeight: BAR_HEIGHT_PX }}>
          <div role="tablist" aria-label="Terminals" className={styles.tabs}>
            {dock.tabs.map((tab) => (
              <span key={tab.name} className={styles.tabWrap}>
                <button
                  type="button"
                  role="tab"
                  id={`rw-terminal-tab-${tab.name}`}
                  aria-selected={dock.active === tab.name}
                  aria-controls={`rw-terminal-panel-${tab.name}`}
                  className={clsx(styles.tab, dock.active === tab.name && styles.activeTab)}
                  aria-keyshortcuts="Delete"
                  onClick={() => runtime.dock.activate(tab.name)}
                  onKeyDown={(event) => {
                    if (event.key === 'Delete') closeTab(tab.name);
                  }}
                >
                  {tab.kind === 'replay'
                    ? `recorded: ${tab.title}`
                    : tab.ended
                      ? `${tab.name} (ended)`
                      : tab.name}
                </button>
                {/* A tablist may hold only tabs: the × is for the mouse, the keyboard closes a tab with Delete. */}
                <button
                  type="button"
                  className={styles.closeTab}
                  aria-hidden="true"
                  tabIndex={-1}
                  aria-label={`Close tab ${tab.name}`}
                  title={
                    tab.kind === 'server' ? 'Close the tab (the shell keeps running on the server)' : 'Close'
                  }
                  onClick={() => closeTab(tab.name)}
                >
                  ×
                </button>
              </span>
            ))}
          </div>
          {session}
          <ConnectionIndicator state={connection} workspace={workspace} />
          <div className={styles.tools}>
            <button
              type="button"
              aria-label="Smaller terminal text"
              data-glyph="A−"
              onClick={() => runtime.dock.changeFontSize(-1)}
            />
            <button
              type="button"
              aria-label="Larger terminal text"
              data-glyph="A+"
              onClick={() => runtime.dock.changeFontSize(1)}
            />
            {dock.tabs.length > 0 ? (
              <button
                type="button"
                aria-expanded={!dock.collapsed}
                aria-label={dock.collapsed ? 'Show terminals' : 'Hide terminals'}
                onClick={() => runtime.dock.setCollapsed(!dock.collapsed)}
              >
                {dock.collapsed ? '▴' : '▾'}
              </button>
            ) : null}
          </div>
        </header>
        <div className={styles.panels} style={{ height: dock.height }} hidden={!showPanels}>
          {dock.tabs.map((tab) => (
            <TerminalPanel
              key={tab.kind === 'replay' ? `${tab.name}:${tab.serial}` : tab.name}
              runtime={runtime}
              tab={tab}
              visible={showPanels && dock.active === tab.name}
              fontSize={dock.fontSize}
            />
          ))}
        </div>
      </section>
    </>
  );
}
