/**
 * Keys, copy and paste in the page's terminal as people expect them, in real Chromium against
 * `npm run live` (real shells: bash 5 asks for bracketed paste). `crc` is the simulated one of
 * tests/fakes (a test double: no cluster exists here), used only to give a step some output.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSiteAndBrowser } from '../support/siteAndBrowser';
import { openPage } from '../support/browser';
import { liveUrl, openConnectedPage, terminalText, waitForTerminalText } from '../support/liveShells';
import { BUILD_HOOK_TIMEOUT_MS, liveAvailability } from '../support/site';
import { startRunnerSite, stepButton, stepLocator, waitForStepState } from './support';
import { inForeground } from '../../server/helpers/processes';

const availability = liveAvailability();
const START = 'running-locally/start-openshift-local';
const SCREEN = '[role="tabpanel"][data-terminal="main"]';

function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function typeLine(page: Page, line: string): Promise<void> {
  await page.locator(`${SCREEN} .xterm`).click();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

/** Selects a whole line of the screen (xterm's triple click), found by its exact text. */
async function selectLine(page: Page, text: string): Promise<void> {
  const row = page
    .locator(`${SCREEN} .xterm-rows > div`)
    .filter({ hasText: new RegExp(`^\\s*${text}\\s*$`) });
  const box = await row.last().boundingBox();
  if (!box) throw new Error(`no row shows "${text}"`);
  await page.mouse.click(box.x + 4, box.y + box.height / 2, { clickCount: 3 });
  await page.locator(`${SCREEN} .xterm-selection div`).first().waitFor();
}

/** The screen's lines, trimmed (the prompt is `$ ` or `#`-ended: lines equal to a text are output). */
async function screenLines(page: Page): Promise<string[]> {
  return (await terminalText(page, 'main')).split('\n').map((line) => line.trim());
}

describe.skipIf(!availability.available)('keys, copy and paste in the terminal (npm run live)', () => {
  const e2e = useSiteAndBrowser(() => startRunnerSite({ fakes: true }), {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  let page: Page;

  beforeAll(async () => {
    ({ page } = await openConnectedPage(e2e.browser, e2e.site, '/running-locally'));
    await stepButton(page, START, 'Run').click();
    await waitForStepState(page, START, ['waiting-input']);
    await page.keyboard.type('{"auths":{}}');
    await page.keyboard.press('Enter');
    expect(await waitForStepState(page, START, ['passed', 'failed'], 60_000)).toBe('passed');
  }, BUILD_HOOK_TIMEOUT_MS);

  it('copies a finished step\'s output with "Copy output": plain text, no escape codes', async () => {
    await stepLocator(page, START).getByRole('button', { name: 'Copy output' }).click();
    await expect.poll(() => clipboard(page)).toContain('Started the OpenShift cluster');
    const copied = await clipboard(page);
    expect(copied).not.toContain('\u001b');
    expect(copied).not.toContain('\r');
    expect(copied).not.toContain('"auths"'); // the answer typed at the prompt is not output
  });

  it('interrupts a running command on Ctrl+C when nothing is selected', async () => {
    await typeLine(page, 'sleep 33; echo slept-through');
    // The sleep must hold the terminal: a Ctrl-C sent while bash is still handing it over is lost.
    await expect.poll(() => inForeground('sleep 33'), { timeout: 20_000 }).toBe(true);
    await page.keyboard.press('Control+C');
    await typeLine(page, 'echo after-$((40+2))');
    await waitForTerminalText(page, 'main', 'after-42');
    expect(await screenLines(page)).not.toContain('slept-through');
  });

  it('copies the selection on Ctrl+C instead of interrupting the command', async () => {
    await typeLine(page, 'echo copy-me-$((6*7)); sleep 2; echo not-interrupted');
    await waitForTerminalText(page, 'main', 'copy-me-42\n');
    await selectLine(page, 'copy-me-42');
    await page.keyboard.press('Control+C');
    await expect.poll(() => clipboard(page)).toBe('copy-me-42');
    await expect.poll(() => screenLines(page)).toContain('not-interrupted');
  });

  it('copies the selection on Ctrl+Shift+C, and on Cmd+C on a Mac', async () => {
    await typeLine(page, 'echo shift-copy-$((1+1))');
    await waitForTerminalText(page, 'main', 'shift-copy-2\n');
    await selectLine(page, 'shift-copy-2');
    await page.keyboard.press('Control+Shift+C');
    await expect.poll(() => clipboard(page)).toBe('shift-copy-2');

    // A Mac, as the page sees one; a harmless step (rm -f in the scratch HOME) opens its terminal.
    const { page: mac } = await openPage(e2e.browser, liveUrl(e2e.site, '/clean-up'), {
      beforeNavigate: async (tab) => {
        await tab.addInitScript(() =>
          Object.defineProperty(navigator, 'platform', { get: () => 'MacIntel' }),
        );
      },
    });
    await mac.locator('[data-connection="connected"]').first().waitFor();
    await stepButton(mac, 'clean-up/delete-the-token', 'Run').click();
    await waitForStepState(mac, 'clean-up/delete-the-token', ['passed']);
    await mac.locator(`${SCREEN} .xterm`).click();
    await mac.keyboard.type('echo mac-copy-$((2+3))');
    await mac.keyboard.press('Enter');
    await waitForTerminalText(mac, 'main', 'mac-copy-5\n');
    await selectLine(mac, 'mac-copy-5');
    await mac.keyboard.press('Meta+C');
    await expect.poll(() => clipboard(mac)).toBe('mac-copy-5');
    await mac.close();
  });

  it('pastes a block of lines with Ctrl+V as one bracketed edit: nothing runs until Enter', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted-$((1+0))\necho pasted-$((1+1))\n'));
    await page.locator(`${SCREEN} .xterm`).click();
    await page.keyboard.press('Control+V');
    await waitForTerminalText(page, 'main', 'echo pasted-$((1+1))');
    expect(await screenLines(page)).not.toContain('pasted-1');
    await page.keyboard.press('Enter');
    await expect.poll(() => screenLines(page)).toContain('pasted-2');
    expect(await screenLines(page)).toContain('pasted-1');
  });

  it('pastes with Ctrl+Shift+V too', async () => {
    await page.evaluate(() => navigator.clipboard.writeText('echo shift-pasted-$((3*3))'));
    await page.locator(`${SCREEN} .xterm`).click();
    await page.keyboard.press('Control+Shift+V');
    await waitForTerminalText(page, 'main', 'echo shift-pasted-$((3*3))');
    await page.keyboard.press('Enter');
    await expect.poll(() => screenLines(page)).toContain('shift-pasted-9');
  });

  it('offers Copy and Paste on a right click', async () => {
    await typeLine(page, 'echo menu-copy-$((4+4))');
    await waitForTerminalText(page, 'main', 'menu-copy-8\n');
    await selectLine(page, 'menu-copy-8');
    await page.locator(`${SCREEN} .xterm`).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Terminal' });
    await menu.getByRole('menuitem', { name: 'Copy' }).click();
    await expect.poll(() => clipboard(page)).toBe('menu-copy-8');

    await page.evaluate(() => navigator.clipboard.writeText('echo menu-pasted-$((5+5))'));
    await page.locator(`${SCREEN} .xterm`).click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Paste' }).click();
    await waitForTerminalText(page, 'main', 'echo menu-pasted-$((5+5))');
    await page.locator(`${SCREEN} .xterm`).click();
    await page.keyboard.press('Enter');
    await expect.poll(() => screenLines(page)).toContain('menu-pasted-10');
  });

  it('searches the scrollback on Ctrl+Shift+F and highlights the match', async () => {
    await page.locator(`${SCREEN} .xterm`).click();
    await page.keyboard.press('Control+Shift+F');
    const box = page.getByRole('searchbox', { name: 'Search the terminal' });
    await expect.poll(() => box.evaluate((input) => input === document.activeElement)).toBe(true);
    await box.fill('menu-copy');
    await page.locator(`${SCREEN} .xterm-selection div`).first().waitFor();
    await box.press('Escape');
    expect(await box.count()).toBe(0);
  });

  it('shows "Scroll to bottom" while the newest line is off screen, and clears the screen', async () => {
    await typeLine(page, 'seq 1 300');
    await waitForTerminalText(page, 'main', '300\n');
    const toBottom = page.getByRole('button', { name: '↓ Scroll to bottom' });
    expect(await toBottom.count()).toBe(0);
    await page.locator(`${SCREEN} .xterm`).hover();
    await page.mouse.wheel(0, -2000);
    await toBottom.waitFor();
    await toBottom.click();
    await toBottom.waitFor({ state: 'detached' });
    expect(await screenLines(page)).toContain('300');

    await page.locator(SCREEN).getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => screenLines(page)).not.toContain('299');
  });
});
