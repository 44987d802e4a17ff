/**
 * After a rehearsal with `--update-outputs`: each passed step whose output drifted from its recorded
 * one gets its actual output (answers blanked, secrets redacted) written into its page. A step whose
 * output differs only in volatile parts (ages, pod names, addresses) has no drift, so its page is left
 * alone and a re-recording diff shows only what really changed.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMarkdownSteps } from '../../src/plugins/loadStepsManifest';
import { recordOutputs, type NewOutput } from './recordOutputs';
import type { RehearsalReport } from './results';

export interface PageUpdate {
  file: string;
  updated: string[];
  refused: { stepId: string; reason: string }[];
}

async function pageFiles(docsDir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const entries = await readdir(docsDir, { withFileTypes: true, recursive: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.mdx?$/i.test(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(docsDir, file);
    try {
      files.set(parseMarkdownSteps(await readFile(file, 'utf8'), relative).page.pageId, file);
    } catch {
      // A page the manifest cannot read was refused when the rehearsal was planned.
    }
  }
  return files;
}

/** Rewrites the pages of `report`'s drifted steps under `docsDir`; says what it did, page by page. */
export async function updateRecordedOutputs(report: RehearsalReport, docsDir: string): Promise<PageUpdate[]> {
  const byPage = new Map<string, NewOutput[]>();
  for (const result of report.results) {
    if (result.status !== 'passed' || !result.drift || result.step.background) continue;
    const list = byPage.get(result.step.pageId) ?? [];
    list.push({ stepId: result.step.id, text: result.output });
    byPage.set(result.step.pageId, list);
  }
  if (byPage.size === 0) return [];
  const files = await pageFiles(docsDir);
  const updates: PageUpdate[] = [];
  for (const [pageId, outputs] of byPage) {
    const file = files.get(pageId);
    if (!file) {
      updates.push({
        file: pageId,
        updated: [],
        refused: outputs.map(({ stepId }) => ({ stepId, reason: 'its page file was not found' })),
      });
      continue;
    }
    const source = await readFile(file, 'utf8');
    const result = recordOutputs(source, path.relative(docsDir, file), outputs);
    if (result.source !== source) await writeFile(file, result.source, 'utf8');
    updates.push({ file, updated: result.updated, refused: result.refused });
  }
  return updates;
}

export function describeUpdates(updates: readonly PageUpdate[]): string {
  if (updates.length === 0) return 'recorded outputs: every step matched its recording; no page changed\n';
  return updates
    .flatMap((update) => [
      ...(update.updated.length
        ? [`recorded outputs updated in ${update.file}: ${update.updated.join(', ')}`]
        : []),
      ...update.refused.map(({ stepId, reason }) => `not updated in ${update.file}: ${stepId}: ${reason}`),
    ])
    .map((line) => `${line}\n`)
    .join('');
}
