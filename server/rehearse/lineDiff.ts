/** A readable line diff (longest common subsequence): `-` recorded only, `+` actual only, ` ` both. */

/** Lines beyond this on either side are compared as a block (a runaway output must not cost n²). */
const MAX_LINES = 2000;

export function lineDiff(expected: readonly string[], actual: readonly string[]): string {
  if (expected.length > MAX_LINES || actual.length > MAX_LINES) {
    return [...expected.map((l) => `- ${l}`), ...actual.map((l) => `+ ${l}`)].join('\n');
  }
  const rows = expected.length + 1;
  const cols = actual.length + 1;
  // common[i][j]: length of the LCS of expected[i..] and actual[j..]
  const common = Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
  for (let i = expected.length - 1; i >= 0; i -= 1) {
    for (let j = actual.length - 1; j >= 0; j -= 1) {
      common[i]![j] =
        expected[i] === actual[j]
          ? common[i + 1]![j + 1]! + 1
          : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < expected.length || j < actual.length) {
    if (i < expected.length && j < actual.length && expected[i] === actual[j]) {
      out.push(`  ${expected[i]}`);
      i += 1;
      j += 1;
    } else if (i < expected.length && (j === actual.length || common[i + 1]![j]! >= common[i]![j + 1]!)) {
      out.push(`- ${expected[i]}`);
      i += 1;
    } else {
      out.push(`+ ${actual[j]}`);
      j += 1;
    }
  }
  return out.join('\n');
}

/** The diff with long runs of common lines cut to `context` lines around each change. */
export function foldDiff(diff: string, context = 2): string {
  const lines = diff.split('\n');
  const near = lines.map(() => false);
  lines.forEach((line, i) => {
    if (line.startsWith('  ')) return;
    for (let j = Math.max(0, i - context); j <= Math.min(lines.length - 1, i + context); j += 1)
      near[j] = true;
  });
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (near[i]) out.push(line);
    else if (near[i - 1] !== false || i === 0) out.push('  ...');
  });
  return out.join('\n');
}
