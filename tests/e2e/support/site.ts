import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BUILD_DIR, PROJECT_ROOT, ensureSiteBuilt } from './build';
import { freePort, startGroup, waitForHttp } from './processes';

export { BUILD_DIR, BUILD_HOOK_TIMEOUT_MS, PROJECT_ROOT, ensureSiteBuilt, listFiles } from './build';

export interface ServedSite {
  /** Where the site answers, with a trailing slash: `http://localhost:PORT/`. */
  origin: string;
  /** `origin` joined with a site path such as `/running-locally`. */
  url(sitePath: string): string;
  output(): string;
  close(): Promise<void>;
}

/**
 * Builds if needed, then serves the build as the README tells readers to:
 * `npm run serve -- --dir <the tests' build> --port <free port> --no-open` (a published site: no terminals).
 */
export async function serveSite(): Promise<ServedSite> {
  await ensureSiteBuilt();
  const port = await freePort();
  const server = startGroup(
    'npm',
    ['run', 'serve', '--', '--dir', BUILD_DIR, '--port', String(port), '--no-open'],
    PROJECT_ROOT,
  );
  try {
    const [, printed] = await server.waitFor(/Serving "[^"]*" directory at:\s*(\S+)/, 60_000);
    const origin = new URL(printed ?? `http://localhost:${port}/`).origin + '/';
    await waitForHttp(origin, 30_000);
    return {
      origin,
      url: (sitePath) => new URL(sitePath, origin).href,
      output: server.output,
      close: server.stop,
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export interface LiveSite {
  /** The URL `npm run live` printed, token fragment included: what an attendee opens. */
  launchUrl: string;
  origin: string;
  output(): string;
  close(): Promise<void>;
}

export type LiveAvailability = { available: true } | { available: false; reason: string };

const LIVE_ENTRY = path.join(PROJECT_ROOT, 'server', 'cli.ts');

/** Whether `npm run live` can run in this checkout; tests use it with `describe.skipIf`. */
export function liveAvailability(): LiveAvailability {
  if (!existsSync(LIVE_ENTRY)) {
    return {
      available: false,
      reason: 'server/cli.ts does not exist yet, so `npm run live` cannot start (TRANSPORT is building it)',
    };
  }
  return { available: true };
}

/**
 * Builds if needed, then starts the project the way the README tells attendees to
 * (`npm run live -- --dir <the tests' build> --port <free port>`), and waits for the URL it prints
 * (token in the fragment). `extraArgs` go to the CLI, e.g. `['--audience']`; `buildDir` serves another build.
 */
export async function startLive(extraArgs: string[] = [], buildDir?: string): Promise<LiveSite> {
  const availability = liveAvailability();
  if (!availability.available) throw new Error(`Cannot start live mode: ${availability.reason}.`);
  // Another build (tests/e2e/support/scratchSite.ts) is served as it is; the site's own is made first.
  if (buildDir === undefined) await ensureSiteBuilt();
  const port = await freePort();
  const server = startGroup(
    'npm',
    ['run', 'live', '--', '--dir', buildDir ?? BUILD_DIR, '--port', String(port), ...extraArgs],
    PROJECT_ROOT,
  );
  try {
    const [launchUrl] = await server.waitFor(/https?:\/\/[^\s#]+#\S+/, 60_000);
    const origin = new URL(launchUrl).origin + '/';
    await waitForHttp(origin, 30_000);
    return { launchUrl, origin, output: server.output, close: server.stop };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

/** Site paths of every page in the build's sitemap.xml (`/`, `/running-locally`, ...), in sitemap order. */
export async function sitemapPaths(): Promise<string[]> {
  const sitemap = await readFile(path.join(BUILD_DIR, 'sitemap.xml'), 'utf8');
  const locations = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
  return locations.map((location) => new URL(location).pathname);
}
