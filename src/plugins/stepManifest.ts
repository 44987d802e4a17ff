// A Docusaurus plugin: the manifest of every doc page's steps, written to `<build>/steps.json` for the
// rehearsal runner and the terminal server, and published as global data for the client
// (`usePluginData('step-manifest')`).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { summarizeManifest, type StepsManifest } from '../remark/stepModel';
import { loadStepsManifest } from './loadStepsManifest';

export { loadStepsManifest, parseMarkdownSteps } from './loadStepsManifest';

export const STEPS_MANIFEST_FILE = 'steps.json';

export interface StepManifestOptions {
  /** Default: `<siteDir>/docs`. */
  docsDir?: string;
}

// Doc ids to permalinks, read from the docs plugin's content. Read structurally: `allContent` is typed
// `unknown` per plugin, and a shape we do not recognise only costs the permalinks, not the manifest.
function docPermalinks(allContent: Record<string, Record<string, unknown> | undefined>): Map<string, string> {
  const permalinks = new Map<string, string>();
  const docsContent = allContent['docusaurus-plugin-content-docs']?.['default'] as
    { loadedVersions?: { docs?: { id?: unknown; permalink?: unknown }[] }[] } | undefined;
  for (const version of docsContent?.loadedVersions ?? []) {
    for (const doc of version.docs ?? []) {
      if (typeof doc.id === 'string' && typeof doc.permalink === 'string')
        permalinks.set(doc.id, doc.permalink);
    }
  }
  return permalinks;
}

function docsDirOf(context: LoadContext, options: unknown): string {
  const docsDir = (options as StepManifestOptions | undefined)?.docsDir;
  return typeof docsDir === 'string' ? docsDir : join(context.siteDir, 'docs');
}

// `options` is whatever the config passes: Docusaurus types it `unknown`.
export default function stepManifestPlugin(context: LoadContext, options?: unknown): Plugin {
  const docsDir = docsDirOf(context, options);
  let manifest: StepsManifest = { version: 1, pages: [] };
  return {
    name: 'step-manifest',
    getPathsToWatch: () => [join(docsDir, '**/*.{md,mdx}')],
    async allContentLoaded({ allContent, actions }) {
      const result = await loadStepsManifest(docsDir, docPermalinks(allContent));
      // A page the manifest cannot read would also break the docs build; say which one and why.
      if (!result.ok) throw new Error(`[steps:${result.error.code}] ${result.error.message}`);
      manifest = result.manifest;
      // Global data is in every page's first load: the pages get the summary, build/steps.json all of it.
      actions.setGlobalData(summarizeManifest(manifest));
    },
    async postBuild({ outDir }) {
      await writeFile(join(outDir, STEPS_MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    },
  };
}
