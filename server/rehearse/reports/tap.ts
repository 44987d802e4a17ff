/** The rehearsal as TAP version 14: one test point per step, failures with a YAML diagnostic block. */
import type { RehearsalReport, StepResult } from '../results';

function yamlString(text: string): string {
  return JSON.stringify(text);
}

function point(result: StepResult, number: number): string {
  const title = `${result.step.id}${result.step.title ? ` - ${result.step.title.replace(/#/g, '\\#')}` : ''}`;
  if (result.status === 'skipped' || result.status === 'not-run') {
    return `ok ${number} ${title} # SKIP ${result.note ?? result.status}`;
  }
  const ok = result.status === 'passed';
  const lines = [`${ok ? 'ok' : 'not ok'} ${number} ${title}`];
  if (!ok || result.drift) {
    lines.push('  ---');
    if (result.failure) {
      lines.push(`  code: ${result.failure.code}`, `  message: ${yamlString(result.failure.message)}`);
    }
    if (result.exitCode !== undefined) lines.push(`  exitCode: ${result.exitCode}`);
    lines.push(`  durationMs: ${result.durationMs}`);
    if (result.drift) lines.push(`  drift: ${yamlString(result.drift.diff)}`);
    if (!ok) lines.push(`  output: ${yamlString(result.output)}`);
    lines.push('  ...');
  }
  return lines.join('\n');
}

export function tapReport(report: RehearsalReport): string {
  const lines = ['TAP version 14', `1..${report.results.length}`];
  report.results.forEach((result, i) => lines.push(point(result, i + 1)));
  if (report.aborted) lines.push('Bail out! The rehearsal was stopped.');
  return `${lines.join('\n')}\n`;
}
