/**
 * Kubernetes label selectors as the API server reads them: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)`, joined by commas. A selector it cannot read is an error (400).
 */

type Requirement = (labels: Record<string, string>) => boolean;

export class SelectorError extends Error {}

export function parseLabelSelector(text: string | null): Requirement {
  if (text === null || text.trim() === '') return () => true;
  const requirements = splitTopLevel(text).map(parseRequirement);
  return (labels) => requirements.every((requirement) => requirement(labels));
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(') depth += 1;
    if (char === ')') depth -= 1;
    if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim());
}

const KEY = '[A-Za-z0-9./_-]+';

function parseRequirement(part: string): Requirement {
  let match = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*([A-Za-z0-9._-]*)$`).exec(part);
  if (match) {
    const [, key = '', op, value] = match;
    return op === '!=' ? (labels) => labels[key] !== value : (labels) => labels[key] === value;
  }
  match = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(part);
  if (match) {
    const [, key = '', op, list = ''] = match;
    const values = new Set(list.split(',').map((value) => value.trim()));
    return op === 'in'
      ? (labels) => labels[key] !== undefined && values.has(labels[key])
      : (labels) => labels[key] === undefined || !values.has(labels[key]);
  }
  match = new RegExp(`^(!?)(${KEY})$`).exec(part);
  if (match) {
    const [, not, key = ''] = match;
    return not ? (labels) => !(key in labels) : (labels) => key in labels;
  }
  throw new SelectorError(`unable to parse requirement: "${part}"`);
}

/** The field selectors the provider's kind of client uses: metadata.name and metadata.namespace. */
export function parseFieldSelector(
  text: string | null,
): (object: { metadata: { name: string; namespace?: string } }) => boolean {
  if (text === null || text.trim() === '') return () => true;
  const tests = text.split(',').map((part) => {
    const match = /^(metadata\.name|metadata\.namespace)\s*(==|=|!=)\s*(.*)$/.exec(part.trim());
    if (!match) throw new SelectorError(`field selector "${part}" is not supported`);
    const [, field, op, value] = match;
    return (object: { metadata: { name: string; namespace?: string } }) => {
      const actual = field === 'metadata.name' ? object.metadata.name : object.metadata.namespace;
      return op === '!=' ? actual !== value : actual === value;
    };
  });
  return (object) => tests.every((test) => test(object));
}
