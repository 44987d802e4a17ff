// What the page checker reports: one finding per line, `file:line: severity code: message`, or JSON.

export type Severity = 'error' | 'warning';

export type FindingCode =
  | 'bash-syntax'
  | 'undeclared-variable'
  | 'single-use-terminal'
  | 'unpaired-output'
  | 'background-never-stopped'
  | 'missing-image'
  | 'remote-image'
  | 'missing-link'
  | 'secret-in-output'
  | 'invalid-step'
  | 'unreadable-page';

export interface Finding {
  /** As given on the command line or found under a directory, relative to the working directory. */
  file: string;
  line: number;
  severity: Severity;
  code: FindingCode;
  message: string;
}

/** What makes the checker exit non-zero: a reader would meet a broken step, picture, link or secret. */
export const ERROR_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'bash-syntax',
  'missing-image',
  'missing-link',
  'secret-in-output',
  'invalid-step',
  'unreadable-page',
]);

export function finding(file: string, line: number, code: FindingCode, message: string): Finding {
  return { file, line, severity: ERROR_CODES.has(code) ? 'error' : 'warning', code, message };
}

export function byPlace(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.code.localeCompare(b.code);
}

export function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}: ${f.severity} ${f.code}: ${f.message}`;
}

export interface Summary {
  ok: boolean;
  pages: number;
  errors: number;
  warnings: number;
  findings: Finding[];
}

export function summarize(pages: number, findings: Finding[]): Summary {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { ok: errors === 0, pages, errors, warnings: findings.length - errors, findings };
}
