import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const PLANTED = [
  "import * as pty from 'node-pty';",
  "import { readFileSync } from 'node:fs';",
  "import { spawn } from 'node:child_process';",
  "import { readStat } from '../local/processTree';",
  'export const planted = [pty, spawn, readStat, () => readFileSync(`/proc/${process.pid}/stat`)];',
].join('\n');

async function lint(filePath: string): Promise<string[]> {
  const [result] = await new ESLint().lintText(PLANTED, { filePath });
  return (result?.messages ?? []).map((message) => `${message.line}:${message.ruleId}`);
}

describe('the terminal core’s boundary (eslint)', () => {
  it('fails on node-pty, node:fs, node:child_process, the local shells and /proc in core code', async () => {
    expect(await lint('server/terminals/core/planted.ts')).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-imports',
      '5:no-restricted-syntax',
    ]);
  }, 60_000);

  it('lets the local shell host use them', async () => {
    expect(await lint('server/terminals/local/planted.ts')).toEqual([]);
  }, 60_000);
});
