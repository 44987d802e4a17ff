/** What each deck key does, in the presenter's window and in an audience window. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Runtime } from '../../client/runtime';
import { currentSetting } from '../../client/stepSetting';
import type { StepSummary } from '../../remark/stepModel';
import type { DeckAction } from './deckKeys';
import type { PresenterRole } from './presenterRole';
import { runSlideStep, stepToRun, stopSlideStep } from './slideSteps';
import type { Slide } from './slides';

interface Deck {
  role: PresenterRole;
  runtime: Runtime | null;
  steps: readonly StepSummary[];
  slide: Slide | undefined;
  slideCount: number;
  setIndex: (change: (index: number) => number) => void;
  setBlank: (change: (blank: boolean) => boolean) => void;
  setHelp: (change: (help: boolean) => boolean) => void;
  exit: () => void;
}

const NOTICE_MS = 6000;
const STATIC_RUN =
  'No terminal server here: the recorded output is on the slide. For live steps, start the site with `npm run live`.';

export function useDeckActions(deck: Deck): { notice: string | null; act: (action: DeckAction) => void } {
  const [notice, setNotice] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const say = useCallback((message: string) => {
    setNotice(message);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setNotice(null), NOTICE_MS);
  }, []);

  const { role, runtime, steps, slide, slideCount, setIndex, setBlank, setHelp, exit } = deck;
  const presenter = role === 'presenter';
  const last = Math.max(slideCount - 1, 0);

  const act = useCallback(
    (action: DeckAction) => {
      switch (action) {
        case 'next':
          return setIndex((index) => Math.min(index + 1, last));
        case 'previous':
          return setIndex((index) => Math.max(index - 1, 0));
        case 'first':
          return setIndex(() => 0);
        case 'last':
          return setIndex(() => last);
        case 'run': {
          if (!presenter || !slide) return;
          if (!runtime?.hasEndpoint) return say(STATIC_RUN);
          say('Running…');
          void runSlideStep(runtime, steps, slide.stepIds, currentSetting(document.cookie)).then((result) =>
            say(result.message),
          );
          return;
        }
        case 'stop':
          if (!presenter || !slide || !runtime?.hasEndpoint) return;
          return say(stopSlideStep(runtime, steps, slide.stepIds).message);
        case 'toggle-terminal':
          if (!presenter || !runtime?.hasEndpoint) return;
          return toggleTerminal(runtime, slide ? stepToRun(runtime, steps, slide.stepIds) : null, say);
        case 'blank':
          return setBlank((blank) => !blank);
        case 'fullscreen':
          return toggleFullscreen(say);
        case 'exit':
          if (document.fullscreenElement) return;
          if (presenter) exit();
          return;
        case 'help':
          return setHelp((help) => !help);
        default: {
          const unknown: never = action;
          return unknown;
        }
      }
    },
    [presenter, runtime, steps, slide, last, say, setIndex, setBlank, setHelp, exit],
  );

  // A slide whose step ran shows its terminal: bring that tab to the front as the slide comes up.
  useEffect(() => {
    if (!presenter || !runtime?.hasEndpoint || !slide) return;
    const step = steps.find((candidate) => slide.stepIds.includes(candidate.id));
    const dock = runtime.dock.get();
    if (step && dock.active !== step.terminal && dock.tabs.some((tab) => tab.name === step.terminal)) {
      runtime.dock.activate(step.terminal);
    }
  }, [presenter, runtime, steps, slide]);

  return { notice, act };
}

function toggleTerminal(runtime: Runtime, step: StepSummary | null, say: (message: string) => void): void {
  const dock = runtime.dock.get();
  if (dock.tabs.length === 0) {
    const name = step?.terminal ?? 'main';
    void runtime.openTerminal(name).then((problem) => {
      if (problem) say(problem.message);
    });
    return;
  }
  runtime.dock.setCollapsed(!dock.collapsed);
}

function toggleFullscreen(say: (message: string) => void): void {
  const done = document.fullscreenElement
    ? document.exitFullscreen()
    : document.documentElement.requestFullscreen();
  done.catch((error: unknown) => say(`Full screen is not available here: ${String(error)}`));
}
