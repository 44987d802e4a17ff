/**
 * A hosted workshop in real Chromium: two attendees and the instructor, each a browser context of
 * their own, against `npm run workshop` with real sandboxes and shells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { auditPage, describeFindings, isBlocking } from '../support/axe';
import { launchBrowser, type BrowserSession } from '../support/browser';
import { BUILD_HOOK_TIMEOUT_MS, ensureSiteBuilt } from '../support/build';
import { runStepToEnd, terminalText, waitForTerminalText } from '../support/liveShells';
import { freePort } from '../support/processes';
import {
  joinWorkshop,
  startWorkshop,
  stopWorkshop,
  typeInTerminal,
  workshopDataDir,
  type RunningWorkshop,
} from './support';

let workshop: RunningWorkshop | undefined;
const data = workshopDataDir();
const browsers: BrowserSession[] = [];
let ann: Page;
let ben: Page;
let instructor: Page;
let port: number;
/** Console errors and failed requests of the three pages, until a test makes some on purpose. */
const problems: string[] = [];

function watchForProblems(page: Page, who: string): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${who}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${who}: ${response.status()} ${response.url()}`);
  });
}

async function firstStepId(page: Page): Promise<string> {
  const id = await page.locator('[data-step-id]').first().getAttribute('data-step-id');
  if (!id) throw new Error('the first page has no step');
  return id;
}

async function runFirstStep(page: Page): Promise<string> {
  const stepId = await firstStepId(page);
  await runStepToEnd(page, stepId);
  return stepId;
}

beforeAll(async () => {
  await ensureSiteBuilt();
  port = await freePort();
  workshop = await startWorkshop(data.dir, port);
  for (let i = 0; i < 3; i++) browsers.push(await launchBrowser());
  [ann, ben, instructor] = (await Promise.all(browsers.map((b) => b.context.newPage()))) as [
    Page,
    Page,
    Page,
  ];
  watchForProblems(ann, 'Ann');
  watchForProblems(ben, 'Ben');
  watchForProblems(instructor, 'instructor');
}, BUILD_HOOK_TIMEOUT_MS);

afterAll(async () => {
  for (const browser of browsers) await browser.close();
  await stopWorkshop(workshop);
  data.remove();
});

describe('a hosted workshop, two attendees and the instructor', () => {
  it('lets each attendee join by name and land on a page with live terminals and a session timer', async () => {
    await joinWorkshop(ann, workshop!.joinUrl, 'Ann');
    await joinWorkshop(ben, workshop!.joinUrl, 'Ben');
    await expect
      .poll(() => ann.getByRole('timer').innerText())
      .toMatch(/Session ends in (3 h 5\d|4 h 00) min/);
    expect(await ann.locator('[data-step-id]').count()).toBeGreaterThan(0);
  });

  it("shows the session's time in the dock's bar, covering nothing, on a laptop and on a phone", async () => {
    const timer = ben.locator('section[aria-label="Terminals"] header [role="timer"]');
    const widths: number[] = [];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      await ben.setViewportSize(viewport);
      const box = await timer.boundingBox();
      expect(box, `the timer at ${viewport.width} px`).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
      // What is drawn at its centre is the timer itself, nothing laid over it or under it.
      const onTop = await ben.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.closest('[role="timer"]') !== null,
        [box!.x + box!.width / 2, box!.y + box!.height / 2],
      );
      expect(onTop).toBe(true);
      widths.push(box!.width);
    }
    // The phone shows the time alone; a screen reader hears the whole sentence on both.
    expect(widths[1]).toBeLessThan(widths[0]! * 0.6);
    expect(await timer.textContent()).toMatch(/^Session ends in (3 h 5\d|4 h 00) min$/);
    await ben.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows a workshop's words where a laptop's would not apply (:::only blocks)", async () => {
    if (new URL(ben.url()).pathname !== '/running-locally')
      await ben.goto(`${workshop!.base}/running-locally`);
    const article = ben.locator('article');
    await expect.poll(() => article.innerText()).toContain('In this workshop the cluster is already running');
    expect(await article.innerText()).not.toContain('The first start asks for your pull secret');
  });

  it('shows both attendees on the dashboard, their rows updating as each runs steps', async () => {
    await instructor.goto(workshop!.instructorUrl);
    await expect.poll(() => instructor.locator('#rows').innerText()).toMatch(/Ann[\s\S]*Ben|Ben[\s\S]*Ann/);
    expect(
      await instructor
        .locator('img[alt="QR code of the join link"]')
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await instructor.locator('#join-url').innerText()).toBe(workshop!.joinUrl);
    await runFirstStep(ann);
    const annRow = instructor.locator('tr[data-attendee]', { hasText: 'Ann' });
    const benRow = instructor.locator('tr[data-attendee]', { hasText: 'Ben' });
    await expect.poll(() => annRow.innerText()).toMatch(/passed|failed/);
    expect(await benRow.innerText()).not.toMatch(/1\/\d+ passed|failed/);
    await runFirstStep(ben);
    await expect.poll(() => benRow.innerText()).toMatch(/1\/\d+ passed|failed/);
  });

  it('shows no error in any console, nor a failed request, for the attendees or on the dashboard', () => {
    // The refusals below are failures on purpose: this is checked before them.
    expect(problems).toEqual([]);
  });

  it("has no serious accessibility violation (axe) on the join page, the dashboard or an attendee's page, light or dark", async () => {
    const failures: string[] = [];
    const joinPage = await browsers[2]!.context.newPage();
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [where, page, url] of [
        ['join page', joinPage, workshop!.joinUrl],
        ['dashboard', instructor, `${workshop!.base}/instructor`],
        ['attendee page', ann, ann.url()],
      ] as const) {
        await page.emulateMedia({ colorScheme });
        await page.goto(url, { waitUntil: 'networkidle' });
        const findings = (await auditPage(page)).filter(isBlocking);
        failures.push(...describeFindings(`${where} (${colorScheme})`, findings));
      }
    }
    await joinPage.close();
    expect(failures).toEqual([]);
  });

  it('keeps a file Ann writes to ~ invisible to Ben', async () => {
    const annTerminal = await typeInTerminal(ann, 'echo ann-was-here > ~/ann.txt && cat ~/ann.txt');
    await waitForTerminalText(ann, annTerminal, 'ann-was-here\n');
    const benTerminal = await typeInTerminal(ben, 'cat ~/ann.txt || echo ben-sees-nothing');
    await waitForTerminalText(ben, benTerminal, 'ben-sees-nothing');
    expect(await terminalText(ben, benTerminal)).not.toMatch(/^ann-was-here/m);
  });

  it('refuses Ann’s attempts to open Ben’s workspace', async () => {
    const benId = await instructor
      .locator('tr[data-attendee]', { hasText: 'Ben' })
      .getAttribute('data-attendee');
    const outcome = await ann.evaluate(
      (id) =>
        new Promise<string>((resolve) => {
          const socket = new WebSocket(`${location.origin.replace('http', 'ws')}/terminal?watch=${id}`);
          socket.onopen = () => resolve('opened');
          socket.onclose = () => resolve('refused');
        }),
      benId,
    );
    expect(outcome).toBe('refused');
    const watch = await ann.evaluate(
      async (id) => (await fetch(`/instructor/watch?attendee=${id}`)).status,
      benId,
    );
    expect(watch).toBe(403);
  });

  it('lets the instructor click a row and watch that attendee’s terminal, read-only', async () => {
    await instructor.locator('tr[data-attendee]', { hasText: 'Ann' }).locator('td').first().click();
    await instructor.waitForURL(/\/instructor\/watch\?attendee=/);
    await expect
      .poll(() => instructor.locator('#screen').innerText(), { timeout: 30_000 })
      .toContain('ann-was-here');
    await instructor.goBack();
  });

  it('after kill -9 of the server and a restart, attendees reload into their workspace and progress', async () => {
    workshop!.run.signalGroup('SIGKILL');
    await workshop!.run.exited;
    workshop = await startWorkshop(data.dir, port);
    await ann.reload();
    await ann.locator('[data-connection="connected"]').first().waitFor({ timeout: 60_000 });
    // The page kept its step states; the workspace (a new process) finds the HOME it left.
    const stepId = await firstStepId(ann);
    expect(await ann.locator(`[data-step-id="${stepId}"]`).getAttribute('data-step-state')).toMatch(
      /passed|failed/,
    );
    await runFirstStep(ann);
    const terminal = await typeInTerminal(ann, 'cat ~/ann.txt');
    await waitForTerminalText(ann, terminal, 'ann-was-here');
    await instructor.goto(`${workshop.base}/instructor`);
    await expect
      .poll(() => instructor.locator('tr[data-attendee]', { hasText: 'Ann' }).innerText())
      .toMatch(/passed|failed/);
  });
});
