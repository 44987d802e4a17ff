import React, { useEffect, useRef, useState } from 'react';
import { loadTerminal } from '../../client/loadTerminal';
import type { DockTab } from '../../client/dockState';
import type { Runtime } from '../../client/runtime';
import { endSession, findSession, keepSession } from './sessions';
import { TerminalSession } from './terminalSession';
import TerminalTools from './TerminalTools';
import { currentColorMode } from './terminalTheme';
import { replayInto } from './replay';
import styles from './styles.module.css';

interface Props {
  runtime: Runtime;
  tab: DockTab;
  visible: boolean;
  fontSize: number;
}

/** One tab's terminal: loads xterm on first need, keeps the session across re-renders. */
export default function TerminalPanel({ runtime, tab, visible, fontSize }: Props): React.JSX.Element {
  const container = useRef<HTMLDivElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [session, setSession] = useState<TerminalSession | null>(null);
  const fontSizeRef = useRef(fontSize);
  fontSizeRef.current = fontSize;

  useEffect(() => {
    let cancelled = false;
    let stopReplay: (() => void) | undefined;
    loadTerminal().then(
      (kit) => {
        const element = container.current;
        if (cancelled || !element) return;
        let session = findSession(tab.name);
        if (!session) {
          session = new TerminalSession(kit, {
            name: tab.name,
            fontSize: fontSizeRef.current,
            colorMode: currentColorMode(),
            readOnly: tab.kind === 'replay',
          });
          keepSession(session);
          session.mount(element);
          if (tab.kind === 'server') session.connect(runtime.connection);
          else stopReplay = replayInto(session, tab.title, tab.text);
        } else {
          session.mount(element);
          // Opened again after its shell ended: attach anew (the server starts a fresh shell).
          if (tab.kind === 'server' && !runtime.connection.isAttached(tab.name))
            session.connect(runtime.connection);
        }
        setSession(session);
      },
      (error: Error) => setProblem(error.message),
    );
    return () => {
      cancelled = true;
      stopReplay?.();
    };
  }, [runtime, tab]);

  // A session ends when its tab closes, not when React re-renders the panel.
  useEffect(() => () => endSession(tab.name), [tab.name]);

  useEffect(() => {
    const element = container.current;
    if (!element || !visible) return;
    let frame = 0;
    const fit = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => findSession(tab.name)?.fit());
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(element);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [tab.name, visible]);

  useEffect(() => findSession(tab.name)?.setFontSize(fontSize), [tab.name, fontSize]);

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
      <TerminalTools session={session} screen={container} readOnly={tab.kind === 'replay'} />
    </div>
  );
}
