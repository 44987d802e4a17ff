import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasProblems, isLoopbackUrl, launchBrowser, openPage, type BrowserSession } from './support/browser';
import { loadImages } from './support/pageReport';

// A page that does everything the site checks must catch: the crawl of the real site passes only
// because these helpers see nothing wrong there, so here they must see each kind of problem.
const TROUBLED_PAGE = `<!doctype html><html><body>
<h1>Troubled</h1>
<img id="missing" src="/missing.png">
<img id="remote" src="https://cdn.example.com/logo.png">
<script>console.error('something broke'); setTimeout(() => { throw new Error('thrown on purpose'); });</script>
</body></html>`;

const CLEAN_PAGE = '<!doctype html><html><body><h1>Clean</h1></body></html>';

describe('the browser helpers', () => {
  let server: Server;
  let origin: string;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const page = { '/troubled': TROUBLED_PAGE, '/clean': CLEAN_PAGE }[request.url ?? ''];
      response.writeHead(page ? 200 : 404, { 'content-type': 'text/html' }).end(page ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('tells loopback addresses from the internet', () => {
    for (const url of [
      'http://localhost:3000/',
      'http://127.0.0.1/',
      'ws://[::1]:80/x',
      'data:text/plain,hi',
    ]) {
      expect(isLoopbackUrl(url), url).toBe(true);
    }
    for (const url of ['https://example.com/', 'http://10.0.0.1/', 'wss://cdn.example.com/socket']) {
      expect(isLoopbackUrl(url), url).toBe(false);
    }
  });

  it('reports console errors, page errors, failed requests and refused off-machine requests', async () => {
    const { page, problems } = await openPage(browser, `${origin}/troubled`);
    await page.waitForTimeout(200); // the page error is thrown from a timer
    expect(problems.consoleErrors.some((error) => error.includes('something broke'))).toBe(true);
    expect(problems.pageErrors.some((error) => error.includes('thrown on purpose'))).toBe(true);
    expect(problems.failedRequests.some((failure) => failure.includes('/missing.png: HTTP 404'))).toBe(true);
    expect(problems.offHostRequests).toContain('https://cdn.example.com/logo.png');
    expect(browser.offHostRequests).toContain('https://cdn.example.com/logo.png');
    const images = await loadImages(page);
    expect(images.map((image) => image.naturalWidth)).toEqual([0, 0]);
    await page.close();
  });

  it('reports nothing for a page that loads cleanly', async () => {
    const { page, problems } = await openPage(browser, `${origin}/clean`);
    expect(hasProblems(problems)).toBe(false);
    await page.close();
  });
});
