/** What the workshop reads from the built site's steps manifest (`build/steps.json`). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StepsManifest } from '../../src/remark/stepModel';

export function readManifest(siteDir: string): StepsManifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(siteDir, 'steps.json'), 'utf8')) as StepsManifest;
  } catch {
    return undefined;
  }
}

/**
 * Where attendees land after joining: the first page that has steps to run, in the sidebar's order
 * (the manifest's, src/plugins/stepManifest.ts); else the home page.
 */
export function firstPageOf(siteDir: string): string {
  const pages = readManifest(siteDir)?.pages ?? [];
  return pages.find((p) => p.steps.length > 0 && p.permalink)?.permalink ?? '/';
}
