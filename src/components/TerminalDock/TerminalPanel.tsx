import React, { useEffect, useRef, useState } from 'react';
import { loadTerminal } from '../../client/loadTerminal';
import type { DockTab } from '../../client/dockState';
import type { Runtime } from '../../client/runtime';
import { playRecording } from './recordedPlayback';
import { endView, findView, keepView } from './terminalViews';
import { TerminalView } from './terminalView';
import { currentColorMode } from './terminalTheme';
import styles from './styles.module.css';

interface Props {
  runtime: Runtime;
  tab: DockTab;
  visible: boolean;
  fontSize: number;
}

/** One tab's terminal: loads xterm on first need, keeps its view across re-renders. */
export default function TerminalPanel({ runtime, tab, visible, fontSize }: Props): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const fontSizeRef = useRef(fontSize);
  fontSizeRef.current = fontSize;

  useEffect(() => {
    let cancelled = false;
    let stopReplay: (() => void) | undefined;
    loadTerminal().then(
      (kit) => {
        const element = container.current;
        if (cancelled || !element) return;
        let view = findView(tab.name);
        if (!view) {
          view = new TerminalView(kit, {
            name: tab.name,
            fontSize: fontSizeRef.current,
            colorMode: currentColorMode(),
            // A live tab sends keys even on a watch-only connection: the server is what refuses them.
            access: tab.kind === 'replay' ? 'watch' : 'write',
          });
          keepView(view);
          view.mount(element);
          if (tab.kind === 'server') view.connect(runtime.connection);
          else stopReplay = playRecording(view, tab.title, tab.text);
        } else {
          view.mount(element);
          // Opened again after its shell ended: attach anew (the server starts a fresh shell).
          if (tab.kind === 'server' && !runtime.connection.isAttached(tab.name))
            view.connect(runtime.connection);
        }
      },
      (error: Error) => setProblem(error.message),
    );
    return () => {
      cancelled = true;
      stopReplay?.();
    };
  }, [runtime, tab]);

  // A view ends when its tab closes, not when React re-renders the panel.
  useEffect(() => () => endView(tab.name), [tab.name]);

  useEffect(() => {
    const element = container.current;
    if (!element || !visible) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => findView(tab.name)?.fit());
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [tab.name, visible]);

  useEffect(() => findView(tab.name)?.setFontSize(fontSize), [tab.name, fontSize]);

  return (
    <div
      role="tabpanel"
      id={`rw-terminal-panel-${tab.name}`}
      aria-labelledby={`rw-terminal-tab-${tab.name}`}
      className={styles.panel}
      hidden={!visible}
      data-terminal={tab.name}
    >
      {problem ? <p className={styles.problem}>{problem}</p> : null}
      <div ref={container} className={styles.screen} />
    </div>
  );
}
