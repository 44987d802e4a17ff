/**
 * A step's toolbar keeps its buttons where the pointer left them as the step changes state: the
 * state's words ("waiting for input", "✓ passed in 1.2 s") and "Copy output" come and go beside
 * them. Real Chromium against `npm run live`; `crc` is the simulated one of tests/fakes (a test
 * double: no cluster exists here), which waits for a pull secret, so a Run stays in one state
 * long enough to be measured.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openConnectedPage } from '../support/liveShells';
import { liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator, waitForStepState } from './support';

const availability = liveAvailability();
const START = 'running-locally/start-openshift-local';

interface Place {
  state: string;
  /** Each button's box, relative to the step's own box (the page may scroll between states). */
  buttons: Record<string, { x: number; y: number; width: number }>;
}

async function placeOfButtons(page: Page): Promise<Place> {
  const step = stepLocator(page, START);
  const state = (await step.getAttribute('data-step-state')) ?? '';
  const buttons = await step.evaluate((element) => {
    const origin = element.getBoundingClientRect();
    const boxes: Record<string, { x: number; y: number; width: number }> = {};
    for (const button of element.querySelectorAll('[role="toolbar"] button')) {
      const name = button.textContent ?? '';
      if (name === 'Copy output') continue; // it is the one that comes and goes
      const box = button.getBoundingClientRect();
      boxes[name] = {
        x: Math.round(box.x - origin.x),
        y: Math.round(box.y - origin.y),
        width: Math.round(box.width),
      };
    }
    return boxes;
  });
  return { state, buttons };
}

async function answerPullSecret(page: Page): Promise<void> {
  await page.keyboard.type('{"auths":{}}');
  await page.keyboard.press('Enter');
}

async function runUntilItAsks(page: Page): Promise<Place> {
  await stepButton(page, START, 'Run').click();
  await waitForStepState(page, START, ['waiting-input']);
  return placeOfButtons(page);
}

async function stop(page: Page): Promise<Place> {
  await stepButton(page, START, 'Stop').click();
  await waitForStepState(page, START, ['interrupted', 'failed']);
  return placeOfButtons(page);
}

describe.skipIf(!availability.available)("a step's toolbar (npm run live)", () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: true }));

  // One test: the simulated crc asks for its pull secret until it has one, and only then passes.
  it('keeps Run, Copy and Stop in place through waiting, interrupted, passed and a new Run, on a phone and a laptop', async () => {
    const { page } = await openConnectedPage(e2e.browser, e2e.site, '/running-locally');
    for (const viewport of [
      { width: 390, height: 844 },
      { width: 1280, height: 900 },
    ]) {
      await page.setViewportSize(viewport);
      const places = [
        await runUntilItAsks(page),
        await stop(page),
        await runUntilItAsks(page),
        await stop(page),
        await runUntilItAsks(page),
      ];
      if (viewport.width === 1280) {
        await answerPullSecret(page);
        expect(await waitForStepState(page, START, ['passed', 'failed'], 60_000)).toBe('passed');
        await stepLocator(page, START).getByRole('button', { name: 'Copy output' }).waitFor();
        places.push(await placeOfButtons(page));
      } else {
        places.push(await stop(page));
      }

      expect(places.map((place) => place.state).slice(0, 5)).toEqual([
        'waiting-input',
        places[1]!.state,
        'waiting-input',
        places[1]!.state,
        'waiting-input',
      ]);
      expect(Object.keys(places[0]!.buttons)).toEqual(expect.arrayContaining(['Run', 'Copy', 'Stop']));
      for (const place of places.slice(1)) {
        expect({ width: viewport.width, state: place.state, buttons: place.buttons }).toEqual({
          width: viewport.width,
          state: place.state,
          buttons: places[0]!.buttons,
        });
      }
    }
  });
});
