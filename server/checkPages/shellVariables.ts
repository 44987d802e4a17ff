// Which shell variables a command reads and which it sets, well enough to say "used but never set".
// Not a shell parser: single-quoted text is skipped (no expansion there), `$(...)` is not a variable.

/** Set by the shell or the login environment: using them needs no declaration. */
export const ENVIRONMENT = new Set([
  'HOME',
  'PATH',
  'USER',
  'LOGNAME',
  'PWD',
  'OLDPWD',
  'SHELL',
  'TERM',
  'LANG',
  'LC_ALL',
  'HOSTNAME',
  'UID',
  'EUID',
  'PPID',
  'RANDOM',
  'SECONDS',
  'LINENO',
  'BASH',
  'BASH_VERSION',
  'BASH_SOURCE',
  'IFS',
  'PS1',
  'PS2',
  'TMPDIR',
  'EDITOR',
  'PIPESTATUS',
  'REPLY',
  'OSTYPE',
  'HOSTTYPE',
  'MACHTYPE',
  'FUNCNAME',
  'KUBECONFIG',
  'XDG_CONFIG_HOME',
  'XDG_RUNTIME_DIR',
  'DISPLAY',
  'COLUMNS',
  'LINES',
]);

export interface VariableUse {
  name: string;
  /** 0-based line of the command. */
  line: number;
}

function withoutSingleQuoted(line: string): string {
  let out = '';
  let inDouble = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i] as string;
    if (char === '\\') {
      out += line.slice(i, i + 2);
      i += 1;
    } else if (char === '"') {
      inDouble = !inDouble;
      out += char;
    } else if (char === "'" && !inDouble) {
      const end = line.indexOf("'", i + 1);
      i = end < 0 ? line.length : end;
    } else {
      out += char;
    }
  }
  return out;
}

const USE = /(?<!\\)\$(?:\{#?([A-Za-z_]\w*)|([A-Za-z_]\w*))/g;
const ASSIGN = /(?:^|[\s;&|(])([A-Za-z_]\w*)\+?=/g;
const FOR = /\bfor\s+([A-Za-z_]\w*)\s+in\b/g;
const NAME = /^[A-Za-z_]\w*$/;
// `read` options that take an argument: the word after them is not a variable.
const READ_OPTIONS_WITH_VALUE = new Set(['-a', '-d', '-i', '-n', '-N', '-p', '-t', '-u']);

/** Shell words of one line, double quotes kept together (single-quoted text is already gone). */
function words(text: string): string[] {
  return [...text.matchAll(/"(?:[^"\\]|\\.)*"|[^\s;&|()]+|[;&|()]/g)].map((match) => match[0]);
}

/** Names declared by `export`/`local`/`declare`/`readonly` (with or without `=`) and by `read`. */
function declaredByBuiltins(text: string): string[] {
  const found: string[] = [];
  const list = words(text);
  list.forEach((word, index) => {
    if (!['export', 'local', 'declare', 'readonly', 'typeset', 'read'].includes(word)) return;
    for (let i = index + 1; i < list.length; i += 1) {
      const next = list[i] as string;
      if (next.startsWith('-')) {
        if (word === 'read' && READ_OPTIONS_WITH_VALUE.has(next)) i += 1;
        continue;
      }
      const name = next.split(/\+?=/)[0] ?? '';
      if (!NAME.test(name)) break;
      found.push(name);
    }
  });
  return found;
}

/** The variables a command reads, in order, each at the first line it appears. */
export function variablesUsed(command: string): VariableUse[] {
  const uses: VariableUse[] = [];
  const seen = new Set<string>();
  command.split('\n').forEach((raw, line) => {
    for (const match of withoutSingleQuoted(raw).matchAll(USE)) {
      const name = match[1] ?? match[2] ?? '';
      if (!seen.has(name)) uses.push({ name, line });
      seen.add(name);
    }
  });
  return uses;
}

/** The variables a command sets (assignments, export, read, for), with the line each is first set at. */
export function variablesSet(command: string): Map<string, number> {
  const set = new Map<string, number>();
  command.split('\n').forEach((raw, line) => {
    const text = withoutSingleQuoted(raw);
    const names = [
      ...[...text.matchAll(ASSIGN)].map((m) => m[1]),
      ...declaredByBuiltins(text),
      ...[...text.matchAll(FOR)].map((m) => m[1]),
    ];
    for (const name of names) if (name && !set.has(name)) set.set(name, line);
  });
  return set;
}
