/**
 * Drift as a unified diff of lines (`-` recorded, `+` this run, ` ` both; `@@` hunks with a little
 * context), the format reviewers read every day. jsdiff's Myers diff: linear memory, no line cap.
 */
import { structuredPatch } from 'diff';

export function unifiedLineDiff(recorded: string, actual: string, context = 2): string {
  const patch = structuredPatch('recorded', 'this run', `${recorded}\n`, `${actual}\n`, '', '', { context });
  return patch.hunks
    .flatMap((hunk) => [
      `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
      ...hunk.lines.filter((line) => !line.startsWith('\\')),
    ])
    .join('\n');
}
