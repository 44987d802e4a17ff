/**
 * The floor under our pages: Docusaurus's own classic TypeScript template, at the version this
 * site runs, built untouched. Created with npm into a temporary folder (never a dependency of this
 * project) and reused by later runs while its build is intact, as the bench does with wetty.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lastLines, runCommand } from '../targets/runCommand';
import { PROJECT_ROOT } from '../targets/target';

export type StockSite = { ok: true; buildDir: string; version: string } | { ok: false; reason: string };

/** A home page, a short doc, the template's longest doc (code blocks, tabs, admonitions) and a blog post. */
export const STOCK_PAGES = ['/', '/docs/intro', '/docs/tutorial-basics/markdown-features', '/blog/welcome'];

/** The Docusaurus this project builds with, so the two sites differ only by what we added. */
function docusaurusVersion(): string {
  const manifest = path.join(PROJECT_ROOT, 'node_modules', '@docusaurus', 'core', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

export async function prepareStockDocusaurus(log: (line: string) => void): Promise<StockSite> {
  const version = docusaurusVersion();
  const folder = path.join(os.tmpdir(), `rw-bench-docusaurus-${version}`);
  const site = path.join(folder, 'site');
  const buildDir = path.join(site, 'build');
  if (existsSync(path.join(buildDir, 'sitemap.xml'))) return { ok: true, buildDir, version };
  mkdirSync(folder, { recursive: true });
  const steps: [string, string[], string][] = [
    [
      'npx',
      ['-y', `create-docusaurus@${version}`, 'site', 'classic', '--typescript', '--skip-install'],
      folder,
    ],
    ['npm', ['install', '--no-audit', '--no-fund'], site],
    ['npm', ['run', 'build'], site],
  ];
  for (const [command, args, cwd] of steps) {
    if (command === 'npx' && existsSync(path.join(site, 'package.json'))) continue;
    log(`${command} ${args.join(' ')} in ${cwd} (the stock template, not a project dependency)`);
    const result = await runCommand(command, args, cwd, 900_000);
    if (result.code !== 0) {
      return {
        ok: false,
        reason: `${command} ${args[0] ?? ''} failed (${result.code}): ${lastLines(result.output)}`,
      };
    }
  }
  return { ok: true, buildDir, version };
}
