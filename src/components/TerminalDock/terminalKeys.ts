/**
 * The keys people expect of a terminal in a browser, decided before xterm sees them (its custom key
 * handler). Linux/Windows: Ctrl+C copies when text is selected and interrupts otherwise; Ctrl+Shift+C
 * copies; Ctrl+V and Ctrl+Shift+V paste. macOS: Cmd+C copies, Cmd+V pastes. Everywhere Ctrl+Shift+F
 * (Cmd+F on macOS) searches the scrollback. A paste is left to the browser's own paste event, which
 * xterm turns into a bracketed paste when the shell asked for one (bash does): a pasted block of lines
 * lands on the prompt as one edit and runs only when Enter is pressed.
 */
export type KeyAction = 'copy' | 'paste' | 'search' | 'swallow' | 'terminal';

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

export function isApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad|iPod/.test(navigator.platform);
}

export function keyAction(press: KeyPress, apple: boolean, hasSelection: boolean): KeyAction {
  if (press.altKey) return 'terminal';
  const key = press.key.toLowerCase();
  if (apple && press.metaKey && !press.ctrlKey) {
    if (key === 'c') return hasSelection ? 'copy' : 'swallow';
    if (key === 'v') return 'paste';
    if (key === 'f') return 'search';
    return 'terminal';
  }
  if (!press.ctrlKey || press.metaKey) return 'terminal';
  if (press.shiftKey) {
    if (key === 'c') return hasSelection ? 'copy' : 'swallow';
    if (key === 'v') return 'paste';
    if (key === 'f') return 'search';
    return 'terminal';
  }
  if (key === 'c' && hasSelection) return 'copy';
  if (key === 'v') return 'paste';
  return 'terminal';
}
