import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

// The house rules for a real browser (the system Chromium, headless, nothing phoning home) are the
// project's one set: src/plugins/headlessChromium.ts.
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../src/plugins/headlessChromium';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** True for URLs the site may fetch: loopback http(s)/ws(s), or inline (data:, blob:, about:). */
export function isLoopbackUrl(raw: string): boolean {
  const url = new URL(raw);
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(url.protocol)) return true;
  return LOOPBACK_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
}

export interface BrowserSession {
  context: BrowserContext;
  /** Every request (http or WebSocket) to a non-loopback host, refused before it left the machine. */
  offHostRequests: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  colorScheme?: 'light' | 'dark';
  viewport?: { width: number; height: number };
  /** A phone or tablet: touch events, a coarse pointer, the mobile viewport meta honoured. */
  touch?: boolean;
  /** Granted to every origin, e.g. `['clipboard-read', 'clipboard-write']`. */
  permissions?: string[];
}

/**
 * A fresh headless Chromium with its own temporary profile, removed on close. Playwright refuses a
 * `--user-data-dir` argument, so the profile goes through launchPersistentContext instead.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  const profileDir = await mkdtemp(path.join(tmpdir(), 'rw-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
      colorScheme: options.colorScheme ?? 'light',
      viewport: options.viewport ?? { width: 1280, height: 900 },
      hasTouch: options.touch ?? false,
      isMobile: options.touch ?? false,
      permissions: options.permissions ?? [],
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const offHostRequests: string[] = [];
  // The site must work with no internet: anything leaving the machine is recorded and refused.
  const offHost = (url: URL) => !isLoopbackUrl(url.href);
  await context.route(offHost, (route) => {
    offHostRequests.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(offHost, (socket) => {
    offHostRequests.push(socket.url());
    return socket.close();
  });
  return {
    context,
    offHostRequests,
    async close() {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  offHostRequests: string[];
}

export interface OpenPageOptions {
  /** The HTTP status the document itself is expected to answer with (404 for the not-found page). */
  documentStatus?: number;
  /** Bypass the HTTP cache, so the load fetches what a first-time reader fetches. */
  disableCache?: boolean;
  /** Runs on the new tab before it navigates, to attach listeners of the caller's own. */
  beforeNavigate?: (page: Page) => void | Promise<void>;
}

export interface OpenedPage {
  page: Page;
  problems: PageProblems;
}

/**
 * Opens `url` in a new tab of `session`, waits for the network to go quiet, and returns the page
 * together with everything that went wrong while loading it (the lists keep growing afterwards).
 */
export async function openPage(
  session: BrowserSession,
  url: string,
  options: OpenPageOptions = {},
): Promise<OpenedPage> {
  const page = await session.context.newPage();
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    offHostRequests: [],
  };
  const documentStatus = options.documentStatus ?? 200;
  const isExpectedDocumentStatus = (requestUrl: string, status: number) =>
    requestUrl === url && status === documentStatus;

  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const where = message.location().url;
    // Chromium logs the document's own non-2xx status as an error; for the 404 page that is the point.
    const isDocumentStatus =
      where === url && message.text().includes(`status of ${documentStatus}`) && documentStatus >= 400;
    if (!isDocumentStatus) problems.consoleErrors.push(`${message.text()} (at ${where || 'unknown'})`);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.stack ?? error.message));
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? 'failed';
    if (!isLoopbackUrl(request.url())) problems.offHostRequests.push(request.url());
    else problems.failedRequests.push(`${request.method()} ${request.url()}: ${failure}`);
  });
  page.on('response', (response) => {
    const status = response.status();
    if (status < 400 || isExpectedDocumentStatus(response.url(), status)) return;
    problems.failedRequests.push(`${response.request().method()} ${response.url()}: HTTP ${status}`);
  });
  page.on('websocket', (socket) => {
    if (!isLoopbackUrl(socket.url())) problems.offHostRequests.push(socket.url());
  });

  if (options.disableCache) {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  await options.beforeNavigate?.(page);
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  if (!response) throw new Error(`Chromium got no response for ${url}.`);
  // A wrong error status is already listed by the response listener; this catches a 200 where 404 belongs.
  if (response.status() !== documentStatus && response.status() < 400) {
    problems.failedRequests.push(`GET ${url}: HTTP ${response.status()} (expected ${documentStatus})`);
  }
  return { page, problems };
}

/** Problems as one readable block, so a failing assertion names the page and every error at once. */
export function describeProblems(where: string, problems: PageProblems): string {
  const lines = Object.entries(problems).flatMap(([kind, list]: [string, string[]]) =>
    list.map((entry) => `  ${kind}: ${entry}`),
  );
  return lines.length === 0 ? `${where}: no problems` : `${where}:\n${lines.join('\n')}`;
}

export function hasProblems(problems: PageProblems): boolean {
  return Object.values(problems).some((list: string[]) => list.length > 0);
}
