/**
 * A terminal's raw output as the plain text a reader saw: escape sequences (colours, cursor moves,
 * OSC titles and shell marks) removed, a line rewritten after a carriage return kept as last written,
 * backspaces applied. For "Copy output": what is pasted elsewhere must carry no escape codes.
 */
// Control characters are the point of these patterns.
/* eslint-disable no-control-regex */
// CSI (ESC [ … final), OSC (ESC ] … BEL or ST), other two-byte ESC sequences, and 8-bit CSI.
const ESCAPES =
  /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[PX^_][^\x1b]*\x1b\\|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]/g;

export function plainOutput(raw: string): string {
  const text = raw.replace(ESCAPES, '').replace(/\r\n/g, '\n');
  const lines = text.split('\n').map((line) => {
    // What follows the last carriage return overwrote the start of the line (a progress counter).
    const parts = line.split('\r');
    let shown = '';
    for (const part of parts) shown = part + shown.slice(part.length);
    let out = '';
    for (const char of shown) out = char === '\b' ? out.slice(0, -1) : out + char;
    // Other control characters (BEL, SI/SO, …) draw nothing.
    return out.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '').trimEnd();
  });
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}
/* eslint-enable no-control-regex */
