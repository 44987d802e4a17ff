// From what an author shows (prompts, console output) to what a shell should receive.

// A prompt is stripped only when it cannot be shell syntax: `$ ` (a `$` then a space), oh-my-zsh's
// `➜  dir ` (optionally `git:(branch) ✗`) and `user@host:dir$ `. A bare `# ` is a comment, so it stays.
const PROMPTS: readonly RegExp[] = [
  /^\s*\$(?:\s+|$)/,
  /^\s*➜\s+\S+(?:\s+git:\([^)]*\))?(?:\s+✗)?(?:\s+|$)/,
  /^[\w.-]+@[\w.-]+(?::[^\s$#]*)?\s?[$#](?:\s+|$)/,
];

const HEREDOC = /<<(-?)\s*(['"]?)([A-Za-z_][\w-]*)\2/g;

function withoutPrompt(line: string): string | null {
  for (const prompt of PROMPTS) {
    const match = prompt.exec(line);
    if (match) return line.slice(match[0].length);
  }
  return null;
}

function trimEnd(line: string): string {
  return line.replace(/[ \t\r]+$/, '');
}

function dropBlankEdges(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === '') start += 1;
  while (end > start && lines[end - 1] === '') end -= 1;
  return lines.slice(start, end);
}

interface Heredoc {
  terminator: string;
  stripTabs: boolean;
}

/** True when some line starts with a prompt, so the block is a transcript. */
export function hasPrompt(display: string): boolean {
  return display.split('\n').some((line) => withoutPrompt(line) !== null);
}

export interface Transcript {
  /** What is sent and copied: the prompted lines with their continuations and here-documents. */
  command: string;
  /** The lines between them that the author pasted as output; empty when no line has a prompt. */
  output: string;
}

/**
 * A block split into command and output. When no line has a prompt, every line is the command. When
 * some do (a `console` transcript), the prompted lines are the command, with their `\` continuations
 * and here-document bodies; the other lines are output the author pasted, shown but never sent.
 */
export function splitTranscript(display: string): Transcript {
  const lines = display.split('\n').map(trimEnd);
  const stripped = lines.map(withoutPrompt);
  if (stripped.every((line) => line === null))
    return { command: dropBlankEdges(lines).join('\n'), output: '' };

  const command: string[] = [];
  const output: string[] = [];
  const heredocs: Heredoc[] = [];
  let continues = false;
  lines.forEach((line, i) => {
    const heredoc = heredocs[0];
    if (heredoc) {
      command.push(line);
      const body = heredoc.stripTabs ? line.replace(/^\t+/, '') : line;
      if (body === heredoc.terminator) heredocs.shift();
      return;
    }
    const text = stripped[i] ?? (continues ? line : null);
    if (text === null || text === undefined) {
      output.push(line);
      return;
    }
    command.push(text);
    continues = text.endsWith('\\');
    for (const match of text.matchAll(HEREDOC)) {
      heredocs.push({ terminator: match[3] ?? '', stripTabs: match[1] === '-' });
    }
  });
  return { command: dropBlankEdges(command).join('\n'), output: dropBlankEdges(output).join('\n') };
}

/** The command a step sends and copies (see splitTranscript). */
export function commandFromDisplay(display: string): string {
  return splitTranscript(display).command;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The declared variable names a command references as `${NAME}` (with or without a `:-default`) or `$NAME`. */
export function variablesInCommand(command: string, declared: readonly string[]): string[] {
  const found: { name: string; at: number }[] = [];
  for (const name of declared) {
    const reference = new RegExp(
      `\\$(?:\\{${escapeRegExp(name)}(?=[}:?=+#%/-])|${escapeRegExp(name)}(?![\\w]))`,
    );
    const match = reference.exec(command);
    if (match) found.push({ name, at: match.index });
  }
  return found.sort((a, b) => a.at - b.at).map((entry) => entry.name);
}
