/**
 * A doc page as a deck. The page is rendered once, exactly as the reader's page renders it (same
 * MDX module, same step controls, same runtime), and shown a slide at a time by a generated style
 * rule (`slideStyle.ts`). The presenter's window adds notes, a clock and the next slide; an audience
 * window follows it over a BroadcastChannel and watches its terminals read-only.
 */
import React, { useCallback, useEffect, useRef, useState } from 'react';
import clsx from 'clsx';
import MDXContent from '@theme/MDXContent';
import { useHistory } from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { useRuntime } from '../../client/hooks';
import { getRuntime } from '../../client/runtime';
import type { DeckInfo } from '../../plugins/presenter/deckRoutes';
import { usePageSteps, usePageVariables } from '../StepControls/usePageSteps';
import VariablesForm from '../PageRunner/VariablesForm';
import HelpOverlay from './HelpOverlay';
import PresenterClock from './PresenterClock';
import SlideCopy from './SlideCopy';
import { belongsToAField, deckActionFor, type DeckAction } from './deckKeys';
import { openPresenterChannel, type PresenterChannel, type TerminalView } from './presenterChannel';
import { PresenterRoleContext, roleFromSearch, type PresenterRole } from './presenterRole';
import { slideStyle } from './slideStyle';
import { useDeckActions } from './useDeckActions';
import { useFitToStage } from './useFitToStage';
import { useSlides } from './useSlides';
import { terminalView, useDockSpace, useFollowTerminals, useStageDock } from './useTerminalStage';
import styles from './styles.module.css';

const CONTENT_ID = 'rw-deck-content';

interface Props {
  Content: React.ComponentType;
  deck: DeckInfo;
}

export default function PresenterDeck({ Content, deck }: Props): React.JSX.Element {
  const [role, setRole] = useState<PresenterRole>('pending');
  const content = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLElement>(null);
  const slides = useSlides(content);
  const [index, setIndex] = useState(0);
  const [blank, setBlank] = useState(false);
  const [help, setHelp] = useState(false);
  const [wanted, setWanted] = useState<TerminalView | null>(null);
  const runtime = useRuntime();
  const steps = usePageSteps(deck.docId);
  const variables = usePageVariables(deck.docId);
  const history = useHistory();
  const audienceUrl = useBaseUrl(`${deck.path}?view=audience`);
  const dockSpace = useDockSpace(runtime);
  const live = runtime?.hasEndpoint === true;
  const current = Math.min(index, Math.max(slides.length - 1, 0));
  const slide = slides[current];
  const next = slides[current + 1];

  useEffect(() => {
    const found = roleFromSearch(window.location.search);
    // The runtime reads `?view=audience` when it is made (its connection then only watches); one made
    // before this window became an audience view must be made again.
    if (found === 'audience' && getRuntime().connection.access !== 'watch') window.location.reload();
    setRole(found);
  }, []);

  useStageDock(role === 'presenter' && live ? runtime : null);
  useFollowTerminals(role === 'audience' ? runtime : null, wanted);
  useFitToStage(stage, content, [current, slides, dockSpace, role]);

  // Without a terminal server (the static site) the recorded output is what the room sees.
  useEffect(() => {
    if (role === 'pending' || !runtime || live) return;
    content.current?.querySelectorAll('details[data-recorded-output]').forEach((details) => {
      (details as HTMLDetailsElement).open = true;
    });
  }, [role, runtime, live, slides]);

  const channel = useRef<PresenterChannel | null>(null);
  const shown = useRef({ slide: current, blank });
  shown.current = { slide: current, blank };
  const publish = useCallback(() => {
    if (role !== 'presenter') return;
    const terminals = runtime ? terminalView(runtime) : { open: [], active: null, hidden: false };
    channel.current?.post({ type: 'state', ...shown.current, terminals });
  }, [role, runtime]);
  const publishLatest = useRef(publish);
  publishLatest.current = publish;

  useEffect(() => {
    if (role === 'pending') return;
    const opened = openPresenterChannel(deck.path, (message) => {
      if (message.type === 'hello') publishLatest.current();
      else if (role === 'audience') {
        setIndex(message.slide);
        setBlank(message.blank);
        setWanted(message.terminals);
      }
    });
    channel.current = opened;
    if (role === 'audience') opened?.post({ type: 'hello' });
    return () => {
      opened?.dispose();
      channel.current = null;
    };
  }, [role, deck.path]);
  useEffect(publish, [publish, current, blank]);
  useEffect(() => (runtime ? runtime.dock.subscribe(publish) : undefined), [runtime, publish]);

  const { notice, act } = useDeckActions({
    role,
    runtime,
    steps,
    slide,
    slideCount: slides.length,
    setIndex,
    setBlank,
    setHelp,
    exit: () => history.push(deck.permalink),
  });
  const onKey = useRef<(action: DeckAction) => void>(act);
  onKey.current = act;
  useEffect(() => {
    if (role === 'pending') return;
    const listener = (event: KeyboardEvent) => {
      if (belongsToAField(event.target)) return;
      const action = deckActionFor(event);
      if (!action) return;
      event.preventDefault();
      onKey.current(action);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [role]);

  const openAudience = () => {
    const opened = window.open(audienceUrl, `rw-audience:${deck.path}`, 'popup,width=1280,height=800');
    if (!opened) act('help');
  };

  return (
    <PresenterRoleContext.Provider value={role}>
      <div
        className={clsx(styles.deck, role === 'audience' && styles.audience)}
        data-presenter-view={role}
        data-slide-index={current}
        data-slide-count={slides.length}
        style={{ bottom: dockSpace }}
      >
        {/* Only once the slides are known: the static HTML shows the whole page, as readers without script get it. */}
        {slides.length > 0 ? <style>{slideStyle(`#${CONTENT_ID}`, slides, current)}</style> : null}
        {role === 'presenter' ? (
          <header className={styles.bar}>
            <span className={styles.counter}>
              {current + 1} / {slides.length || 1}
            </span>
            <span className={styles.slideTitle}>{slide?.title}</span>
            <span className={styles.notice} role="status" aria-live="polite">
              {notice}
            </span>
            <button type="button" onClick={openAudience}>
              Audience window
            </button>
            <button type="button" onClick={() => setHelp(true)} aria-label="Keys (?)">
              ?
            </button>
            <button type="button" onClick={() => act('exit')}>
              Back to the page
            </button>
          </header>
        ) : null}
        <div className={styles.main}>
          <main ref={stage} className={styles.stage}>
            <div id={CONTENT_ID} ref={content} className={clsx('markdown', styles.slide)}>
              <MDXContent>
                <Content />
              </MDXContent>
            </div>
          </main>
          {role === 'presenter' ? (
            <aside className={styles.sidebar} aria-label="Presenter">
              <PresenterClock />
              <h2>Notes</h2>
              {slide && slide.notes.length > 0 ? (
                <SlideCopy
                  content={content.current}
                  blocks={slide.notes}
                  inner
                  className={styles.notes}
                  label="Notes"
                />
              ) : (
                <p className={styles.quiet}>No notes for this slide.</p>
              )}
              <h2>Next</h2>
              {next ? (
                <div className={styles.previewFrame}>
                  <SlideCopy
                    content={content.current}
                    blocks={range(next.start, next.end).filter((i) => !next.notes.includes(i))}
                    className={clsx('markdown', styles.preview)}
                    label="Next slide"
                  />
                </div>
              ) : (
                <p className={styles.quiet}>This is the last slide.</p>
              )}
              {variables ? <VariablesForm variables={variables} /> : null}
            </aside>
          ) : null}
        </div>
        {role === 'audience' ? (
          <span className={styles.audienceCounter}>
            {current + 1} / {slides.length || 1}
          </span>
        ) : null}
        {blank ? <div className={styles.blank} data-blank="" onClick={() => setBlank(false)} /> : null}
        {help ? <HelpOverlay onClose={() => setHelp(false)} /> : null}
      </div>
    </PresenterRoleContext.Provider>
  );
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, i) => start + i);
}
