/** Plays a recorded output into a read-only terminal line by line, as if it were arriving. */
import type { TerminalView } from './terminalView';

/** Whole replay stays under about two seconds, however long the recording. */
const TOTAL_MS = 2000;

export function playRecording(view: TerminalView, title: string, text: string): () => void {
  const lines = text.replace(/\n$/, '').split('\n');
  const delay = Math.min(40, TOTAL_MS / Math.max(lines.length, 1));
  let index = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  view.write(`\x1b[2m# recorded output: ${title}\x1b[0m\n`);
  const next = () => {
    const line = lines[index];
    if (line === undefined) {
      view.write('\x1b[2m# end of recording\x1b[0m\n');
      return;
    }
    index += 1;
    view.write(`${line}\n`, () => {
      timer = setTimeout(next, delay);
    });
  };
  next();
  return () => clearTimeout(timer);
}
