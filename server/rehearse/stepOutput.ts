/**
 * What a step printed, as a reader would compare it with the page: terminal controls out, and the
 * shell's echo of the step's own command lines out (the shell shows each line before running it).
 * Drift is judged by STEPS' comparison (src/remark/outputComparison), never a second normalizer.
 */
import { stripVTControlCharacters } from 'node:util';
import { compareOutput, normalizeOutput, redactSecrets, type Step } from '../../src/remark';
import type { OutputDrift } from './results';
import { unifiedLineDiff } from './lineDiff';

/** The output of a step run, without controls and without the echo of its command lines. */
export function stepOutputText(raw: string, command: string): string {
  const lines = stripVTControlCharacters(raw).replace(/\r+\n/g, '\n').replace(/\r/g, '\n').split('\n');
  const echoes = command
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const kept: string[] = [];
  let next = 0;
  // Each command line is shown once, in order, before its own output: a greedy walk finds them.
  for (const line of lines) {
    const echo = echoes[next];
    if (echo !== undefined && line.trimEnd().endsWith(echo)) {
      next += 1;
      continue;
    }
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1]?.trim() === '') kept.pop();
  return kept.join('\n');
}

/** A missing command, as bash reports it (`bash: skupper: command not found`). */
export function missingCommand(output: string): string | undefined {
  return /(?:^|\n)(?:[^\n:]*: )?(?:line \d+: )?([^\s:]+): command not found/.exec(output)?.[1];
}

export function meetsExpectation(step: Step, output: string): boolean {
  if (step.expect === undefined) return true;
  try {
    return new RegExp(step.expect, 'm').test(output);
  } catch {
    // The page's own check flags an invalid expect (StepProblem `invalid-expect`); do not fail on it twice.
    return true;
  }
}

/**
 * Drift against the recorded outputs: every recorded line must appear, in order. Lines between are
 * allowed because pages record an excerpt: a block of `oc config use-context aro` then `skupper
 * status` records only what skupper said.
 */
export function outputDrift(step: Step, output: string): OutputDrift | undefined {
  const recorded = step.recordedOutputs;
  if (recorded.length === 0) return undefined;
  const expected = recorded.map((r) => r.text).join('\n');
  if (compareOutput(expected, output, { mode: 'subsequence' }).matches) return undefined;
  return {
    diff: unifiedLineDiff(normalizeOutput(expected), normalizeOutput(output)),
  };
}

/** Output fit for a log or report: secrets blanked the way pages blank them. */
export function presentable(output: string, scrub: (text: string) => string): string {
  return redactSecrets(scrub(output));
}
