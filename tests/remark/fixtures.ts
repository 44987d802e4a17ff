import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdownSteps } from '../../src/plugins/loadStepsManifest';
import type { ExtractedPage } from '../../src/remark/extractPageSteps';

export function readFixture(name: string): string {
  return readFileSync(join(__dirname, '__fixtures__', name), 'utf8');
}

/** A fixture's steps, as the manifest loader sees them (same extraction as the remark plugin). */
export function fixtureSteps(name: string): ExtractedPage {
  return parseMarkdownSteps(readFixture(name), name);
}
