/**
 * Presenting the split-deployment page live: `npm run live --audience` as the README starts it, the
 * simulated `crc`/`oc`/`skupper` of tests/fakes on the shells' PATH (test doubles: no cluster here),
 * and the presenter's window in real Chromium: the deck, its notes, and the way back to the page.
 * The audience's windows: audience.test.ts.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeProblems, openPage, type BrowserSession, type PageProblems } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability } from '../support/site';
import {
  SPLIT_DECK,
  deckState,
  openPresenterWindow,
  waitForSlide,
  type PresenterSite,
  type PresenterWindow,
} from './support';

const availability = liveAvailability();
const FIRST_NOTE = "Point at the link's arrow";
const SECOND_NOTE = 'works once and expires 15 minutes';

describe.skipIf(!availability.available)(
  'presenting the split deployment (npm run live, simulated clusters)',
  () => {
    let live: PresenterSite;
    let browser: BrowserSession;
    let presenter: Page;
    let presenterProblems: PageProblems;
    let opened: PresenterWindow | undefined;

    beforeAll(async () => {
      opened = await openPresenterWindow();
      ({ live, browser, presenter, problems: presenterProblems } = opened);
    }, BUILD_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await opened?.close();
    });

    it('moves through the deck with the keys a clicker sends, and shows the keys on ?', async () => {
      const start = await deckState(presenter);
      expect(start.view).toBe('presenter');
      expect(start.count).toBeGreaterThan(8);
      expect(start.index).toBe(0);
      await presenter.keyboard.press('ArrowRight');
      await waitForSlide(presenter, 1);
      await presenter.keyboard.press('PageDown');
      await waitForSlide(presenter, 2);
      await presenter.keyboard.press('Space');
      await waitForSlide(presenter, 3);
      await presenter.keyboard.press('PageUp');
      await waitForSlide(presenter, 2);
      await presenter.keyboard.press('ArrowLeft');
      await waitForSlide(presenter, 1);
      await presenter.keyboard.press('End');
      await waitForSlide(presenter, start.count - 1);
      await presenter.keyboard.press('ArrowRight');
      await waitForSlide(presenter, start.count - 1);
      await presenter.keyboard.press('Home');
      await waitForSlide(presenter, 0);

      // Only the current slide's blocks are on screen: the first slide's title, not the next section's.
      expect(await presenter.getByRole('heading', { name: 'Split the deployment' }).isVisible()).toBe(true);
      expect(
        await presenter
          .getByRole('heading', { name: /Log in to both clusters/ })
          .first()
          .isVisible(),
      ).toBe(false);

      await presenter.keyboard.press('?');
      const help = presenter.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.waitFor();
      expect(await help.innerText()).toMatch(/run this slide's step/);
      await presenter.keyboard.press('?');
      await help.waitFor({ state: 'detached' });

      await presenter.keyboard.press('b');
      await presenter.locator('[data-blank]').waitFor();
      await presenter.keyboard.press('b');
      await presenter.locator('[data-blank]').waitFor({ state: 'detached' });
    });

    it("shows the slide's presenter notes beside it, with a clock, a timer and the next slide", async () => {
      const sidebar = presenter.getByRole('complementary', { name: 'Presenter' });
      const notes = sidebar.getByRole('region', { name: 'Notes' });
      // The note is written under the diagram: on the diagram's slide, the first or second.
      for (let i = 0; i < 3 && (await notes.count()) === 0; i += 1) {
        await presenter.keyboard.press('ArrowRight');
        await waitForSlide(presenter, i + 1);
      }
      expect(await notes.innerText()).toContain(FIRST_NOTE);
      // The diagram is drawn once its slide is on screen (src/theme/Mermaid), so give it the time to.
      await presenter.locator('#rw-deck-content .docusaurus-mermaid-container svg').waitFor();
      expect(await presenter.locator('#rw-deck-content .docusaurus-mermaid-container').isVisible()).toBe(
        true,
      );
      expect(await sidebar.locator('[data-presenter-clock]').innerText()).toMatch(/^\d\d:\d\d$/);
      expect(await sidebar.locator('[data-presenter-elapsed]').innerText()).toMatch(/^\d\d:\d\d$/);
      expect(await sidebar.getByRole('region', { name: 'Next slide' }).innerText()).not.toBe('');
      // On the slide itself the note is never shown.
      expect(await presenter.locator('#rw-deck-content [data-presenter-note]').first().isVisible()).toBe(
        false,
      );
      await presenter.keyboard.press('Home');
      await waitForSlide(presenter, 0);
    });

    it("keeps presenter notes out of the reader's page", async () => {
      const { page, problems } = await openPage(browser, new URL('/split-deployment', live.origin).href);
      await page.locator('[data-step-id]').first().waitFor();
      // Hydrated (the dock is the browser's alone): whatever client code adds to the page is there.
      await page.locator('section[aria-label="Terminals"]').waitFor();
      const html = await page.content();
      expect(html).not.toContain(FIRST_NOTE);
      expect(html).not.toContain(SECOND_NOTE);
      expect(await page.locator('[data-presenter-note]').count()).toBe(0);
      expect(await page.locator('[data-present-link]').getAttribute('href')).toBe(SPLIT_DECK);
      expect(problems.pageErrors, describeProblems('reader page', problems)).toEqual([]);
      await page.close();
    });

    it('leaves for the page on Escape, with no page errors on the way', async () => {
      await presenter.locator('#rw-deck-content').click();
      await presenter.keyboard.press('Escape');
      await presenter.waitForURL((url) => url.pathname === '/split-deployment');
      expect(presenterProblems.pageErrors, describeProblems('presenter', presenterProblems)).toEqual([]);
    });
  },
);
