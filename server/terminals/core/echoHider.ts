/**
 * A step's line is typed at the prompt (see stepRunner.ts); its echo is noise to a reader, so it is
 * held back from the clients until the shell marks the command's start (C). Mode switches in the
 * hidden echo still go through: readline turns bracketed paste off on Enter, and a screen left in
 * paste mode would wrap a pasted password in markers.
 */

/** If the echo of a typed step line runs longer than this, something else is talking: show it. */
const MAX_HIDDEN_UNITS = 4096;
// eslint-disable-next-line no-control-regex -- terminal escape sequences start with ESC
const PRIVATE_MODES = /\x1b\[\?[\d;]*[hl]/g;

export class EchoHider {
  private hiding = false;
  private hidden = 0;
  private pending = '';

  start(): void {
    this.hiding = true;
    this.hidden = 0;
    this.pending = '';
  }

  stop(): void {
    this.hiding = false;
  }

  /**
   * Ctrl-C dropped the typed line before it ran: what readline echoed meanwhile (our line, its ^C)
   * stays hidden, and the reader sees what a Ctrl-C at an empty prompt shows.
   */
  dropped(): void {
    if (this.hiding) this.pending = '^C\r\n';
    this.hiding = false;
  }

  /** What of the shell's output the clients see. */
  visible(text: string): string {
    if (this.pending) {
      const shown = this.pending + text;
      this.pending = '';
      return shown;
    }
    if (!this.hiding) return text;
    this.hidden += text.length;
    if (this.hidden > MAX_HIDDEN_UNITS) {
      this.hiding = false;
      return text;
    }
    return (text.match(PRIVATE_MODES) ?? []).join('');
  }
}
