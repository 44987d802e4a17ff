/**
 * The audience of a live deck (`npm run live --audience`, simulated clusters from tests/fakes: test
 * doubles, no cluster here): the window the presenter opens follows the slides and the terminals,
 * read-only as the server enforces it, and so does an attendee's laptop on the watch-only token.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type BrowserSession } from '../support/browser';
import { terminalText, waitForTerminalText } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability } from '../support/site';
import {
  SPLIT_DECK,
  goToStep,
  openPresenterWindow,
  waitForDeck,
  waitForSlide,
  type PresenterSite,
  type PresenterWindow,
} from './support';

const availability = liveAvailability();
const ARO_LOGIN = 'split-deployment/log-in-to-aro-and-create-context';
const FIRST_NOTE = "Point at the link's arrow";
const SECOND_NOTE = 'works once and expires 15 minutes';

describe.skipIf(!availability.available)(
  'the audience of the split deployment deck (npm run live --audience, simulated clusters)',
  () => {
    let live: PresenterSite;
    let browser: BrowserSession;
    let presenter: Page;
    let opened: PresenterWindow | undefined;
    let audience: Page | undefined;
    const audienceFrames = { sent: [] as string[], received: [] as string[] };

    beforeAll(async () => {
      opened = await openPresenterWindow();
      ({ live, browser, presenter } = opened);
    }, BUILD_HOOK_TIMEOUT_MS);

    afterAll(async () => {
      await opened?.close();
    });

    it('opens an audience window that follows the slides and never gets the notes', async () => {
      const opened = browser.context.waitForEvent('page');
      await presenter.getByRole('button', { name: 'Audience window' }).click();
      audience = await opened;
      audience.on('websocket', (socket) => {
        socket.on('framesent', (frame) => audienceFrames.sent.push(String(frame.payload)));
        socket.on('framereceived', (frame) => audienceFrames.received.push(String(frame.payload)));
      });
      await audience.waitForLoadState('networkidle');
      expect((await waitForDeck(audience)).view).toBe('audience');
      await waitForSlide(audience, 0);

      await presenter.bringToFront();
      await presenter.keyboard.press('ArrowRight');
      await waitForSlide(presenter, 1);
      await waitForSlide(audience, 1);
      await presenter.keyboard.press('ArrowLeft');
      await waitForSlide(audience, 0);

      const html = await audience.content();
      expect(html).not.toContain(FIRST_NOTE);
      expect(html).not.toContain(SECOND_NOTE);
      expect(await audience.locator('[data-presenter-note]').count()).toBe(0);
      expect(await audience.getByRole('complementary', { name: 'Presenter' }).count()).toBe(0);
    });

    it("runs the current slide's step on r, its output live in both windows", async () => {
      if (!audience) throw new Error('the audience window did not open');
      await presenter.bringToFront();
      await presenter.getByLabel('ARO_API_URL').fill('https://api.aro.example:6443');
      await presenter.locator('#rw-deck-content').click();
      const slide = await goToStep(presenter, ARO_LOGIN);
      await waitForSlide(audience, slide);

      await presenter.keyboard.press('r');
      await presenter.waitForSelector(`[data-step-id="${ARO_LOGIN}"][data-step-state="waiting-input"]`, {
        timeout: 30_000,
      });
      // The step puts the keyboard in its terminal: the presenter types the password there.
      await waitForTerminalText(presenter, 'north', 'Password:');
      await presenter.keyboard.type('e2e-password');
      await presenter.keyboard.press('Enter');
      await presenter.waitForSelector(`[data-step-id="${ARO_LOGIN}"][data-step-state="passed"]`, {
        timeout: 30_000,
      });

      expect(await waitForTerminalText(presenter, 'north', 'Login successful.')).toContain(
        'Context "aro" modified.',
      );
      expect(await waitForTerminalText(audience, 'north', 'Login successful.')).toContain(
        'Context "aro" modified.',
      );
      // The password was typed where a password prompt does not echo: neither window shows it.
      expect(await terminalText(audience, 'north')).not.toContain('e2e-password');
    });

    it('changes nothing in the shell when someone types in the audience window: the server refuses it', async () => {
      if (!audience) throw new Error('the audience window did not open');
      const marker = path.join(live.home, 'typed-in-the-audience-window');
      await audience.bringToFront();
      await audience.locator('[role="tabpanel"][data-terminal="north"] .xterm').click();
      await audience.keyboard.type(`touch ${marker}`);
      await audience.keyboard.press('Enter');
      await expect
        .poll(() => audienceFrames.received.some((frame) => frame.includes('"code":"read-only"')))
        .toBe(true);

      // The keystrokes did leave the page (the UI did not stop them) and the server answered read-only.
      expect(audienceFrames.sent.some((frame) => frame.includes('"type":"input"'))).toBe(true);
      expect(audienceFrames.received.some((frame) => frame.includes('"code":"read-only"'))).toBe(true);
      expect(
        audienceFrames.sent.some(
          (frame) => frame.includes('"type":"attach"') && !frame.includes('"readOnly":true'),
        ),
      ).toBe(false);
      // Server side: the shell never saw them. No file, and the presenter's own screen shows no trace.
      expect(existsSync(marker)).toBe(false);
      await presenter.bringToFront();
      expect(await terminalText(presenter, 'north')).not.toContain('typed-in-the-audience-window');

      // The presenter's window still types into the same shell.
      await presenter.locator('[role="tabpanel"][data-terminal="north"] .xterm').click();
      await presenter.keyboard.type(`touch ${marker}-by-presenter`);
      await presenter.keyboard.press('Enter');
      await expect.poll(() => existsSync(`${marker}-by-presenter`), { timeout: 20_000 }).toBe(true);
    });

    it("shows an attendee's laptop, on the --audience token, the terminals it may only watch", async () => {
      const watchOnlyUrl = /Watch-only URL for an audience:\s+(\S+)/.exec(live.output())?.[1];
      expect(watchOnlyUrl, live.output()).toBeDefined();
      const laptop = await launchBrowser();
      try {
        const launch = new URL(watchOnlyUrl ?? '');
        const frames: string[] = [];
        const { page } = await openPage(
          laptop,
          new URL(`${SPLIT_DECK}?view=audience${launch.hash}`, launch).href,
          {
            beforeNavigate: (tab) => {
              tab.on('websocket', (socket) =>
                socket.on('framereceived', (frame) => frames.push(String(frame.payload))),
              );
            },
          },
        );
        expect((await waitForDeck(page)).view).toBe('audience');
        // No presenter window on this device: it shows every terminal the server has.
        expect(await waitForTerminalText(page, 'north', 'Login successful.')).toContain(
          'Context "aro" modified.',
        );
        expect(
          frames.some((frame) => frame.includes('"type":"hello"') && frame.includes('"readOnly":true')),
        ).toBe(true);
        await page.locator('[role="tabpanel"][data-terminal="north"] .xterm').click();
        await page.keyboard.type('echo from-the-laptop');
        await page.keyboard.press('Enter');
        await expect.poll(() => frames.some((frame) => frame.includes('"code":"read-only"'))).toBe(true);
        expect(await terminalText(presenter, 'north')).not.toContain('from-the-laptop');
      } finally {
        await laptop.close();
      }
    });
  },
);
