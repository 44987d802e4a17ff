// Comparing a recorded output with what a run printed, ignoring what changes from run to run.
import { REDACTED, redactSecrets } from './redactSecrets';

// Built from strings because a control character in a regex literal reads as a mistake (no-control-regex).
const ESC = String.fromCharCode(0x1b);
const BEL = String.fromCharCode(0x07);
const TERMINAL_CONTROL = new RegExp(
  `${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)|${ESC}\\[[0-9;?]*[ -/]*[@-~]|${ESC}[@-_]`,
  'g',
);

// Order matters: a UUID would otherwise half-match as hex, a timestamp's clock as an age.
const VOLATILE: readonly [RegExp, string][] = [
  // Terminal control sequences (colours, cursor moves, OSC titles).
  [TERMINAL_CONTROL, ''],
  [/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<time>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:\.\d+)?\b/g, '<time>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  // Pods of a Deployment: `<name>-<replicaset hash>-<5 chars>`; the hash always has a digit in practice.
  [/-(?=[a-z0-9]{0,9}\d)[a-z0-9]{6,10}-[a-z0-9]{5}\b/g, '-<pod>'],
  [/\b[0-9a-f]{12,64}\b/g, '<hex>'],
  [/\b(?:\d{1,3}\.){3}\d{1,3}\b/g, '<ip>'],
  // Ages as kubectl prints them: 76s, 3m54s, 5h, 2d3h.
  [/\b\d+[smhd](?:\d+[smhd])*\b/g, '<age>'],
];

/**
 * Output with its volatile parts replaced by placeholders (`<age>`, `<pod>`, `<ip>`, `<time>`,
 * `<hex>`, `<uuid>`), secrets by `<redacted>`, and whitespace evened out: column widths of a table
 * follow the length of its values, so runs of spaces become one.
 */
export function normalizeOutput(text: string): string {
  const lines = VOLATILE.reduce(
    (current, [pattern, placeholder]) => current.replace(pattern, placeholder),
    redactSecrets(text.replace(/\r\n?/g, '\n')),
  )
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim());
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  while (lines.length > 0 && lines[0] === '') lines.shift();
  return lines.join('\n');
}

export interface OutputComparison {
  matches: boolean;
  /** The first expected line that was not found, 1-based in the normalized expected output. */
  mismatch?: { line: number; expected: string; actual?: string };
}

export interface CompareOptions {
  /**
   * `exact`: same lines in the same order. `subsequence`: every expected line appears in order,
   * with other lines allowed between (progress logs that vary from run to run).
   */
  mode?: 'exact' | 'subsequence';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// `<redacted>` in the expected output stands for any value on that line.
function lineMatcher(expectedLine: string): RegExp {
  const parts = expectedLine.split(REDACTED).map(escapeRegExp);
  return new RegExp(`^${parts.join('.*?')}$`);
}

export function compareOutput(
  expected: string,
  actual: string,
  options: CompareOptions = {},
): OutputComparison {
  const expectedLines = normalizeOutput(expected).split('\n');
  const actualLines = normalizeOutput(actual).split('\n');
  const mode = options.mode ?? 'exact';
  let cursor = 0;
  for (const [i, expectedLine] of expectedLines.entries()) {
    const matcher = lineMatcher(expectedLine);
    if (mode === 'exact') {
      const actualLine = actualLines[i];
      if (actualLine === undefined || !matcher.test(actualLine)) {
        return { matches: false, mismatch: { line: i + 1, expected: expectedLine, actual: actualLine } };
      }
      continue;
    }
    while (cursor < actualLines.length && !matcher.test(actualLines[cursor] ?? '')) cursor += 1;
    if (cursor === actualLines.length) {
      return { matches: false, mismatch: { line: i + 1, expected: expectedLine } };
    }
    cursor += 1;
  }
  if (mode === 'exact' && actualLines.length > expectedLines.length) {
    const line = expectedLines.length + 1;
    return { matches: false, mismatch: { line, expected: '', actual: actualLines[line - 1] } };
  }
  return { matches: true };
}
