/**
 * axe-core (the engine behind Lighthouse's accessibility audits) injected into a real page, and its
 * findings as lines a failing assertion can print.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The impacts the issue forbids on any page. */
export const BLOCKING_IMPACTS = ['serious', 'critical'] as const;

export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending nodes, with axe's one-line reason for the first few. */
  nodes: string[];
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  nodes: AxeNode[];
}

/** Runs axe over the whole document as it is now (WCAG 2.x A/AA and axe's best practices). */
export async function auditPage(page: Page): Promise<AxeFinding[]> {
  // Evaluated, not added as a <script>: the workshop's own pages forbid inline scripts (their CSP).
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, { resultTypes: ['violations'] })) as { violations: unknown };
    return results.violations;
  });
  return (violations as AxeViolation[]).map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    nodes: violation.nodes.map((node, index) => {
      const where = node.target.map(String).join(' ');
      const why = index < 3 && node.failureSummary ? ` (${node.failureSummary.replace(/\s+/g, ' ')})` : '';
      return `${where}${why}`;
    }),
  }));
}

export function isBlocking(finding: AxeFinding): boolean {
  return (BLOCKING_IMPACTS as readonly string[]).includes(finding.impact);
}

/** `where: [impact] rule: help` and the nodes under it, one finding a block. */
export function describeFindings(where: string, findings: AxeFinding[]): string[] {
  return findings.map(
    (finding) =>
      `${where}: [${finding.impact}] ${finding.rule}: ${finding.help}\n` +
      finding.nodes.map((node) => `    ${node}`).join('\n'),
  );
}
