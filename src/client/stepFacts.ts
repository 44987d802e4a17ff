/** What a step's command tells the page, beyond running it: which cluster it targets, what was missing. */

export interface ClusterLabel {
  context: string;
  /** "north · ARO" */
  label: string;
}

const CLUSTERS: Record<string, string> = { aro: 'north · ARO', local: 'south · local' };

/** The clusters a step switches to with `oc config use-context`, in order (usually one). */
export function clustersOf(command: string): ClusterLabel[] {
  const contexts = [...command.matchAll(/\boc\s+config\s+use-context\s+([\w.-]+)/g)].map(
    (match) => match[1] ?? '',
  );
  return [...new Set(contexts)].map((context) => ({ context, label: CLUSTERS[context] ?? context }));
}

/**
 * The program a shell could not find (exit 127): the first word of the failing line, or of the
 * first line when the server did not say which line failed. Leading `VAR=value` and `sudo` are skipped.
 */
export function missingProgram(command: string, line?: number): string | null {
  const lines = command.split('\n').filter((text) => text.trim() !== '' && !text.trim().startsWith('#'));
  const source = line !== undefined ? command.split('\n')[line - 1] : lines[0];
  const words = (source ?? '').trim().split(/\s+/);
  const program = words.find((word) => !/^\w+=/.test(word) && word !== 'sudo' && word !== 'exec');
  return program && /^[\w./-]+$/.test(program) ? program : null;
}

/** "1.2 s", "3 min 4 s": how long a step took, for its passed badge. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
}
