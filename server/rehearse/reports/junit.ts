/** The rehearsal as JUnit XML: a test suite per page, a test case per step (CI dashboards read it). */
import type { RehearsalReport, StepResult } from '../results';

function xml(text: string): string {
  return (
    text
      // Characters XML 1.0 cannot carry at all (terminal controls that survived).
      // eslint-disable-next-line no-control-regex
      .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function testCase(result: StepResult): string {
  const name = result.step.title ? `${result.step.title} (${result.step.id})` : result.step.id;
  const open = `    <testcase classname="${xml(result.step.pageId)}" name="${xml(name)}" time="${seconds(result.durationMs)}">`;
  const body: string[] = [];
  if (result.failure) {
    body.push(
      `      <failure type="${result.failure.code}" message="${xml(result.failure.message)}">${xml(result.output)}</failure>`,
    );
  } else if (result.status === 'skipped' || result.status === 'not-run') {
    body.push(`      <skipped message="${xml(result.note ?? result.status)}"/>`);
  }
  const drift = result.drift ? `output drift (- recorded, + this run):\n${result.drift.diff}\n\n` : '';
  if (result.output || drift) body.push(`      <system-out>${xml(drift + result.output)}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

export function junitXml(report: RehearsalReport): string {
  const pages = new Map<string, StepResult[]>();
  for (const result of report.results) {
    pages.set(result.step.pageId, [...(pages.get(result.step.pageId) ?? []), result]);
  }
  const suites = [...pages.entries()].map(([pageId, results]) => {
    const failures = results.filter((r) => r.status === 'failed').length;
    const skipped = results.filter((r) => r.status === 'skipped' || r.status === 'not-run').length;
    const time = results.reduce((sum, r) => sum + r.durationMs, 0);
    return [
      `  <testsuite name="${xml(pageId)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(time)}">`,
      ...results.map(testCase),
      '  </testsuite>',
    ].join('\n');
  });
  const total = report.results.length;
  const failures = report.results.filter((r) => r.status === 'failed').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="rehearsal" tests="${total}" failures="${failures}" errors="0" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
