// mkdocs-material's block syntax, rewritten into what Docusaurus parses: `!!! note "Title"`, `??? warning`
// and `???+ tip` admonitions become `:::note[Title]` directives, content tabs (`=== "Tab"`) become a
// `tabs` directive of `tab` directives (src/remark/contentTabs.ts makes them <Tabs>). A text pass, not
// a tree pass: mkdocs indents the bodies by four spaces, which CommonMark reads as indented code.
// Pure: the Docusaurus preprocessor, the manifest loader and the checker all call it.

export interface DialectResult {
  markdown: string;
  /** `originalLine[i]` is the 1-based source line of output line i + 1, for messages with file:line. */
  originalLine: number[];
}

interface Line {
  text: string;
  at: number;
}

const ADMONITION =
  /^(!!!|\?\?\?\+?)[ \t]+([A-Za-z][\w-]*)((?:[ \t]+[A-Za-z][\w-]*)*)(?:[ \t]+"([^"]*)")?[ \t]*$/;
const TAB = /^===\+?[ \t]+"([^"]*)"[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const DIRECTIVE_FENCE = /^\s*(:{3,})/;

// Docusaurus knows note, tip, info, warning, danger; mkdocs-material's other types map to the nearest,
// keeping their own name as the title, which is what mkdocs shows.
const ADMONITION_TYPES: Record<string, string> = {
  note: 'note',
  seealso: 'note',
  abstract: 'info',
  summary: 'info',
  tldr: 'info',
  info: 'info',
  todo: 'info',
  question: 'info',
  help: 'info',
  faq: 'info',
  tip: 'tip',
  hint: 'tip',
  important: 'tip',
  success: 'tip',
  check: 'tip',
  done: 'tip',
  warning: 'warning',
  caution: 'warning',
  attention: 'warning',
  failure: 'danger',
  fail: 'danger',
  missing: 'danger',
  danger: 'danger',
  error: 'danger',
  bug: 'danger',
  example: 'note',
  quote: 'note',
  cite: 'note',
};

function isBlank(line: Line | undefined): boolean {
  return line !== undefined && line.text.trim() === '';
}

function dedent(text: string): string {
  if (text.startsWith('\t')) return text.slice(1);
  return text.replace(/^ {1,4}/, '');
}

function isIndented(line: Line): boolean {
  return /^( {4}|\t)/.test(line.text);
}

/** The indented body that starts at `from`: its lines (dedented) and where the block ends. */
function bodyAt(lines: Line[], from: number): { body: Line[]; end: number } {
  let end = from;
  let last = from - 1;
  while (end < lines.length) {
    const line = lines[end] as Line;
    if (isBlank(line)) end += 1;
    else if (isIndented(line)) last = end++;
    else break;
  }
  const body = lines.slice(from, last + 1).map((line) => ({ text: dedent(line.text), at: line.at }));
  return { body, end: last + 1 };
}

function innerColons(lines: Line[]): number {
  return lines.reduce((most, line) => Math.max(most, DIRECTIVE_FENCE.exec(line.text)?.[1]?.length ?? 0), 0);
}

function label(text: string): string {
  return text.replace(/([[\]\\])/g, '\\$1');
}

function capitalized(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function admonition(header: RegExpExecArray, at: number, body: Line[]): Line[] {
  const kind = (header[2] ?? 'note').toLowerCase();
  const type = ADMONITION_TYPES[kind] ?? 'note';
  const title = header[4] ?? (type === kind ? undefined : capitalized(kind));
  const colons = ':'.repeat(Math.max(3, innerColons(body) + 1));
  const last = body.at(-1)?.at ?? at;
  return [
    { text: `${colons}${type}${title ? `[${label(title)}]` : ''}`, at },
    ...body,
    { text: colons, at: last },
  ];
}

function tabGroup(tabs: { title: string; at: number; body: Line[] }[]): Line[] {
  const colons = Math.max(3, ...tabs.map((tab) => innerColons(tab.body) + 1));
  const tab = ':'.repeat(colons);
  const group = ':'.repeat(colons + 1);
  const out: Line[] = [{ text: `${group}tabs`, at: tabs[0]?.at ?? 1 }];
  for (const { title, at, body } of tabs) {
    out.push({ text: `${tab}tab[${label(title)}]`, at }, ...body, { text: tab, at: body.at(-1)?.at ?? at });
  }
  out.push({ text: group, at: out.at(-1)?.at ?? 1 });
  return out;
}

function convert(lines: Line[]): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as Line;
    const fence = FENCE.exec(line.text);
    if (fence) {
      const marker = fence[1] as string;
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
      let j = i + 1;
      while (j < lines.length && !closing.test((lines[j] as Line).text)) j += 1;
      out.push(...lines.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    const header = ADMONITION.exec(line.text);
    if (header) {
      const { body, end } = bodyAt(lines, i + 1);
      out.push(...admonition(header, line.at, convert(body)));
      i = end;
      continue;
    }
    if (TAB.test(line.text)) {
      const tabs: { title: string; at: number; body: Line[] }[] = [];
      let j = i;
      for (;;) {
        let k = j;
        while (isBlank(lines[k])) k += 1;
        const tab = lines[k] ? TAB.exec((lines[k] as Line).text) : null;
        if (!tab || (tabs.length === 0 && k !== i)) break;
        const { body, end } = bodyAt(lines, k + 1);
        tabs.push({ title: tab[1] ?? '', at: (lines[k] as Line).at, body: convert(body) });
        j = end;
      }
      out.push(...tabGroup(tabs));
      i = j;
      continue;
    }
    out.push(line);
    i += 1;
  }
  return out;
}

/** The page in Docusaurus's dialect. A page with none of mkdocs' blocks comes back unchanged. */
export function fromMkdocs(source: string): DialectResult {
  const lines = source.split('\n').map((text, index) => ({ text, at: index + 1 }));
  const converted = convert(lines);
  return {
    markdown: converted.map((line) => line.text).join('\n'),
    originalLine: converted.map((l) => l.at),
  };
}
