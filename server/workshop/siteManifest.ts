/** What the workshop reads from the built site's steps manifest (`build/steps.json`). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { StepsManifest } from '../../src/remark/stepModel';
import { inSidebarOrder, sidebarPositions } from '../rehearse/sidebarOrder';

export function readManifest(siteDir: string): StepsManifest | undefined {
  try {
    return JSON.parse(readFileSync(path.join(siteDir, 'steps.json'), 'utf8')) as StepsManifest;
  } catch {
    return undefined;
  }
}

/**
 * Where attendees land after joining: the first page, in the sidebar's order, that has steps to
 * run (the manifest lists pages in file order); else the home page.
 */
export async function firstPageOf(siteDir: string, docsDir: string): Promise<string> {
  const pages = readManifest(siteDir)?.pages ?? [];
  const ordered = inSidebarOrder(
    pages,
    await sidebarPositions(docsDir).catch(() => new Map<string, number>()),
  );
  return ordered.find((p) => p.steps.length > 0 && p.permalink)?.permalink ?? '/';
}
