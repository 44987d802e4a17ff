/**
 * A Run whose terminal the server will not open says why. The page sends the run right behind the
 * terminal's attach (so a first Run does not wait a round trip), and the reason must still be the
 * attach's, not the run's "no such terminal".
 */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openConnectedPage, startLiveInScratchHome } from '../support/liveShells';
import { liveAvailability } from '../support/site';
import { stepLocator, stepButton, waitForStepState } from './support';

const availability = liveAvailability();
const IN_NORTH = 'split-deployment/enable-skupper';
const IN_SOUTH = 'split-deployment/enable-skupper-2';

describe.skipIf(!availability.available)(
  'a server at its terminal limit (npm run live --max-terminals 1)',
  () => {
    const e2e = useSiteAndBrowser(() =>
      startLiveInScratchHome({ fakes: false, args: ['--max-terminals', '1'] }),
    );

    it('refuses a Run in a second terminal with the limit in words, and leaves the step not run', async () => {
      const { page } = await openConnectedPage(e2e.browser, e2e.site, '/split-deployment');
      await stepButton(page, IN_NORTH, 'Run').click();
      expect(await waitForStepState(page, IN_NORTH, ['failed', 'passed'])).toMatch(/failed|passed/);

      await stepButton(page, IN_SOUTH, 'Run').click();
      const step = stepLocator(page, IN_SOUTH);
      await expect.poll(() => step.innerText(), { timeout: 15_000 }).toContain('its limit');
      expect(await step.innerText()).not.toContain('no terminal named');
      expect(await step.getAttribute('data-step-state')).toBe('idle');
    });
  },
);
