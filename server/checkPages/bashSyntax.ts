// `bash -n`: whether bash can parse a step, without running any of it.
import { spawnSync } from 'node:child_process';

export interface SyntaxError {
  /** 0-based line of the command bash complains about. */
  line: number;
  message: string;
}

export function bashSyntaxError(command: string): SyntaxError | null {
  const result = spawnSync('bash', ['-n'], { input: `${command}\n`, encoding: 'utf8', timeout: 10_000 });
  if (result.error) return { line: 0, message: `bash could not be started: ${result.error.message}` };
  if (result.status === 0) return null;
  const first = result.stderr.split('\n').find((text) => text.trim() !== '') ?? 'bash -n failed';
  const match = /line (\d+): (.*)$/.exec(first);
  return {
    line: match ? Math.max(0, Number(match[1]) - 1) : 0,
    message: (match?.[2] ?? first).trim(),
  };
}
