// The checks that read a walkthrough's pages in order: a variable used before anything sets it, a
// terminal only one step uses, a background step that nothing stops.
import { walkthroughOf } from '../../src/remark/walkthroughs';
import { DEFAULT_TERMINAL } from '../../src/remark/stepModel';
import type { CheckedPage } from './pageChecks';
import { finding, type Finding } from './findings';
import { ENVIRONMENT, variablesSet, variablesUsed } from './shellVariables';

function undeclaredVariables(pages: readonly CheckedPage[]): Finding[] {
  const findings: Finding[] = [];
  const setBefore = new Set<string>(ENVIRONMENT);
  for (const page of pages) {
    const declared = new Set([...setBefore, ...page.declaredVariables]);
    for (const { step, lineOf } of page.steps) {
      const setHere = variablesSet(step.command);
      for (const use of variablesUsed(step.command)) {
        const setAt = setHere.get(use.name);
        if (declared.has(use.name) || (setAt !== undefined && setAt <= use.line)) continue;
        findings.push(
          finding(
            page.file,
            lineOf(use.line),
            'undeclared-variable',
            `$${use.name} is used but not set by an earlier step or declared in the front matter's variables`,
          ),
        );
        declared.add(use.name);
      }
      for (const name of setHere.keys()) declared.add(name);
    }
    page.steps.forEach(({ step }) =>
      variablesSet(step.command).forEach((_line, name) => setBefore.add(name)),
    );
  }
  return findings;
}

function singleUseTerminals(pages: readonly CheckedPage[]): Finding[] {
  const uses = new Map<string, { file: string; line: number }[]>();
  for (const page of pages)
    for (const { step, lineOf } of page.steps) {
      if (step.terminal === DEFAULT_TERMINAL) continue;
      uses.set(step.terminal, [...(uses.get(step.terminal) ?? []), { file: page.file, line: lineOf(0) - 1 }]);
    }
  return [...uses]
    .filter(([, places]) => places.length === 1)
    .map(([terminal, [place]]) =>
      finding(
        place?.file ?? '',
        place?.line ?? 1,
        'single-use-terminal',
        `terminal="${terminal}" is used by this step only: a typo, or a terminal the step could share`,
      ),
    );
}

// A background step is stopped by a later step that kills it: `pkill`/`killall` naming its program,
// or `kill` of a job (`%1`, `$!`, `$(jobs -p)`).
function stops(command: string, program: string): boolean {
  const named = new RegExp(`\\b(?:pkill|killall)\\b[^\\n]*${program.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return named.test(command) || /\bkill\b[^\n]*(?:%\d*|\$!|jobs -p)/.test(command);
}

/** What a background step leaves running: its last line's program (the lines before it set it up). */
function longRunningProgram(command: string): string {
  const lines = command.split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
  return lines.at(-1)?.trim().split(/\s+/)[0] ?? '';
}

function backgroundNeverStopped(pages: readonly CheckedPage[]): Finding[] {
  const all = pages.flatMap((page) => page.steps.map((placed) => ({ page, ...placed })));
  return all.flatMap(({ page, step, lineOf }, index) => {
    if (!step.background || step.norun) return [];
    const program = longRunningProgram(step.command);
    const later = all.slice(index + 1).some((other) => stops(other.step.command, program));
    if (later) return [];
    return [
      finding(
        page.file,
        lineOf(0) - 1,
        'background-never-stopped',
        `this background step (${program}) keeps running: no later step stops it (pkill ${program}, kill %1)`,
      ),
    ];
  });
}

/** Runs the cross-page checks once per walkthrough; `pages` are in reading order. */
export function checkWalkthroughs(pages: readonly CheckedPage[]): Finding[] {
  const groups = new Map<string, CheckedPage[]>();
  for (const page of pages) {
    const key = walkthroughOf(page.pageId);
    groups.set(key, [...(groups.get(key) ?? []), page]);
  }
  return [...groups.values()].flatMap((group) => [
    ...undeclaredVariables(group),
    ...singleUseTerminals(group),
    ...backgroundNeverStopped(group),
  ]);
}
