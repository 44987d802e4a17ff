/**
 * `npm run check-pages -- [paths...]`: what in a walkthrough would surprise a reader, one line each
 * (`file:line: severity code: message`), or `--json` for CI. Paths are pages or folders (default:
 * docs/). Exit status: 0 no errors (warnings allowed), 1 errors, 2 a usage mistake.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { siteDirsOf } from '../../src/plugins/localFiles';
import { inSidebarOrder, sidebarPositions } from '../rehearse/sidebarOrder';
import { byPlace, finding, formatFinding, summarize, type Finding } from './findings';
import { checkPage, type CheckedPage, type PageToCheck } from './pageChecks';
import { checkWalkthroughs } from './walkthroughChecks';

interface CliOptions {
  json: boolean;
  docs: string;
  site: string;
}

async function pagesUnder(target: string): Promise<{ file: string; base: string }[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [{ file: target, base: path.dirname(target) }];
  const entries = await readdir(target, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.mdx?$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(
      (file) =>
        !path
          .relative(target, file)
          .split(path.sep)
          .some((part) => part.startsWith('_')),
    )
    .sort()
    .map((file) => ({ file, base: target }));
}

export async function checkPages(
  targets: readonly string[],
  options: { docs: string; site: string },
): Promise<{ pages: number; findings: Finding[] }> {
  const docsDir = path.resolve(options.docs);
  const dirs = siteDirsOf(path.resolve(options.site));
  const findings: Finding[] = [];
  const checked: CheckedPage[] = [];
  for (const target of targets) {
    let found: { file: string; base: string }[];
    try {
      found = await pagesUnder(target);
    } catch (error) {
      findings.push(finding(target, 1, 'unreadable-page', `cannot read: ${(error as Error).message}`));
      continue;
    }
    for (const { file, base } of found) {
      const absolutePath = path.resolve(file);
      const insideDocs = !path.relative(docsDir, absolutePath).startsWith('..');
      const relativePath = path.relative(insideDocs ? docsDir : path.resolve(base), absolutePath);
      const page: PageToCheck = {
        file: path.relative(process.cwd(), absolutePath),
        absolutePath,
        relativePath,
        source: await readFile(absolutePath, 'utf8'),
      };
      try {
        checked.push(checkPage(page, dirs));
      } catch (error) {
        findings.push(finding(page.file, 1, 'unreadable-page', (error as Error).message));
      }
    }
  }
  const positions = await sidebarPositions(docsDir).catch(() => new Map<string, number>());
  const ordered = inSidebarOrder(checked, positions);
  findings.push(...ordered.flatMap((page) => page.findings), ...checkWalkthroughs(ordered));
  return { pages: checked.length, findings: findings.sort(byPlace) };
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('check-pages')
    .description('Report what in walkthrough pages would surprise a reader, with file:line.')
    .argument('[paths...]', 'pages (.md, .mdx) or folders of pages', ['docs'])
    .option('--json', 'print one JSON object (for CI) instead of lines', false)
    .option('--docs <dir>', 'the docs directory, which page ids are relative to', 'docs')
    .option('--site <dir>', 'the site directory, whose static/ holds /-rooted pictures', '.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  const options = program.opts<CliOptions>();
  const { pages, findings } = await checkPages(program.args.length ? program.args : ['docs'], options);
  const summary = summarize(pages, findings);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  } else {
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    process.stdout.write(
      `${pages} page${pages === 1 ? '' : 's'} checked: ${summary.errors} error(s), ${summary.warnings} warning(s)\n`,
    );
  }
  return summary.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`check-pages: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
