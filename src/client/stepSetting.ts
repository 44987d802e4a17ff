/**
 * Which setting this page runs in: `hosted` when a workshop server served it (its marker cookie),
 * else `laptop`. Known only in the browser: the static HTML shows every step, and a step for the
 * other setting disappears once the page has hydrated.
 */
import { useEffect, useState } from 'react';
import type { Step, StepSetting } from '../remark/stepModel';
import { workshopSessionEnd } from './launch';

export function currentSetting(cookie: string): StepSetting {
  return workshopSessionEnd(cookie) === undefined ? 'laptop' : 'hosted';
}

export function isShownIn(step: Pick<Step, 'only'>, setting: StepSetting): boolean {
  return step.only === undefined || step.only === setting;
}

export function useStepSetting(): StepSetting | null {
  const [setting, setSetting] = useState<StepSetting | null>(null);
  useEffect(() => setSetting(currentSetting(document.cookie)), []);
  return setting;
}
