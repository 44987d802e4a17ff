/**
 * Output cut into `output` messages that each fit the protocol's frame limit once encoded. The page
 * ignores a frame over MAX_FRAME_BYTES, and an ignored frame is never acknowledged: its units would
 * stay owed for good and flow control would keep the shell paused (a `yes` whose screen froze,
 * Ctrl-C never answered). JSON escaping makes the encoded size depend on the text (`\r\n` doubles,
 * ESC becomes six characters), so the size is measured, not guessed from the unit count; the
 * encoding made to measure it is the frame that is sent.
 */
import { MAX_FRAME_BYTES, type OutputMessage } from '../../../src/protocol/messages';

export interface OutputFrame {
  message: OutputMessage;
  /** `message` as JSON text, ready for the socket. */
  json: string;
}

export function outputFrames(terminal: string, seq: number, data: string, reset = false): OutputFrame[] {
  const frames: OutputFrame[] = [];
  const name = JSON.stringify(terminal);
  // What a frame costs besides its text, with room for `seq` to grow and for `reset`.
  const envelope = `{"type":"output","terminal":${name},"seq":${seq + data.length},"data":,"reset":true}`
    .length;
  const budget = MAX_FRAME_BYTES - envelope;
  const cut = (from: number, text: string) => {
    const encoded = JSON.stringify(text);
    if (encoded.length <= budget || text.length <= 1) {
      const first = reset && frames.length === 0;
      frames.push({
        message: { type: 'output', terminal, seq: from, data: text, ...(first ? { reset: true } : {}) },
        json: `{"type":"output","terminal":${name},"seq":${from},"data":${encoded}${first ? ',"reset":true' : ''}}`,
      });
      return;
    }
    // Proportional to how the text encodes, a little short so that the first piece usually fits.
    let at = Math.max(
      1,
      Math.min(text.length - 1, Math.floor((text.length * budget * 0.95) / encoded.length)),
    );
    if (isHighSurrogate(text.charCodeAt(at - 1)) && at > 1) at -= 1; // never split a character
    cut(from, text.slice(0, at));
    cut(from + at, text.slice(at));
  };
  cut(seq, data);
  return frames;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
