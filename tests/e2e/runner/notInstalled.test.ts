/** A step whose program is missing (here: `oc`, which this machine does not have), from the page. */
import { describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openConnectedPage } from '../support/liveShells';
import { liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator, waitForStepState } from './support';

const availability = liveAvailability();
const NAMESPACE = 'running-locally/create-a-project-namespace';

describe.skipIf(!availability.available)(
  'a step whose command is not installed (npm run live, no oc)',
  () => {
    const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: false }));

    it('fails with exit code 127 and says, in words, that `oc` is not installed, linking the requirements', async () => {
      const { page } = await openConnectedPage(e2e.browser, e2e.site, '/running-locally');
      await stepButton(page, NAMESPACE, 'Run').click();
      expect(await waitForStepState(page, NAMESPACE, ['failed', 'passed'])).toBe('failed');
      const step = stepLocator(page, NAMESPACE);
      expect(await step.getAttribute('data-exit-code')).toBe('127');
      const notice = step.locator('[data-notice="not-installed"]');
      expect(await notice.innerText()).toContain('oc is not installed');
      expect(await notice.getByRole('link').getAttribute('href')).toBe('/requirements');
    });
  },
);
