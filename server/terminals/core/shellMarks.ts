/**
 * Finds the shell-integration marks (OSC 133, the FinalTerm / VS Code convention) in a pty's
 * output and takes them out, so that clients never see them. A mark may arrive split across
 * chunks: what could still become one is held back until the next chunk decides.
 *
 * Our rc file adds `rw=<nonce>` to each mark; a mark without the terminal's nonce (a `cat` of a
 * file that contains one, a user's own integration) is removed but never acted upon, so program
 * output cannot fake the end of a step.
 */

export type ShellMarkKind = 'A' | 'B' | 'C' | 'D';

export interface ShellMark {
  kind: ShellMarkKind;
  /** `D` only: the exit status of the command line. */
  exitCode?: number;
  /** `D` only: the 1-based line of a multi-line step that failed. */
  line?: number;
}

export type MarkedPiece = { text: string } | { mark: ShellMark };

const OPENER = '\x1b]133;';
/** An OSC 133 body longer than this is not one of ours: pass it through as text. */
const MAX_BODY = 256;

export class ShellMarkParser {
  private carry = '';

  constructor(private readonly nonce: string) {}

  feed(chunk: string): MarkedPiece[] {
    const input = this.carry + chunk;
    this.carry = '';
    const pieces: MarkedPiece[] = [];
    const text = (value: string) => {
      if (value.length === 0) return;
      const last = pieces[pieces.length - 1];
      if (last && 'text' in last) last.text += value;
      else pieces.push({ text: value });
    };
    let pos = 0;
    for (;;) {
      const start = input.indexOf(OPENER, pos);
      if (start < 0) {
        const keep = partialOpenerAtEnd(input, pos);
        text(input.slice(pos, input.length - keep));
        this.carry = input.slice(input.length - keep);
        return pieces;
      }
      text(input.slice(pos, start));
      const bodyStart = start + OPENER.length;
      const end = terminatorAt(input, bodyStart);
      if (end === undefined) {
        if (input.length - bodyStart > MAX_BODY) {
          text(OPENER);
          pos = bodyStart;
          continue;
        }
        this.carry = input.slice(start);
        return pieces;
      }
      const mark = this.parseBody(input.slice(bodyStart, end.index));
      if (mark) pieces.push({ mark });
      pos = end.index + end.length;
    }
  }

  private parseBody(body: string): ShellMark | undefined {
    const [kind, ...rest] = body.split(';');
    if (kind !== 'A' && kind !== 'B' && kind !== 'C' && kind !== 'D') return undefined;
    const options = new Map<string, string>();
    let exitCode: number | undefined;
    for (const part of rest) {
      const eq = part.indexOf('=');
      if (eq > 0) options.set(part.slice(0, eq), part.slice(eq + 1));
      else if (kind === 'D' && /^\d+$/.test(part)) exitCode = Number(part);
    }
    if (options.get('rw') !== this.nonce) return undefined;
    const line = Number(options.get('line'));
    return {
      kind,
      ...(exitCode === undefined ? {} : { exitCode }),
      ...(Number.isInteger(line) && line > 0 ? { line } : {}),
    };
  }
}

function terminatorAt(input: string, from: number): { index: number; length: number } | undefined {
  const bel = input.indexOf('\x07', from);
  const st = input.indexOf('\x1b\\', from);
  if (bel < 0 && st < 0) return undefined;
  if (st < 0 || (bel >= 0 && bel < st)) return { index: bel, length: 1 };
  return { index: st, length: 2 };
}

/** How many trailing units of `input` (from `pos` on) could be the start of an opener. */
function partialOpenerAtEnd(input: string, pos: number): number {
  const max = Math.min(OPENER.length - 1, input.length - pos);
  for (let length = max; length > 0; length -= 1) {
    if (OPENER.startsWith(input.slice(input.length - length))) return length;
  }
  return 0;
}
