/** The page's terminal views by terminal name: they outlive tab switches and page navigation. */
import type { TerminalView } from './terminalView';

const views = new Map<string, TerminalView>();

export function findView(name: string): TerminalView | undefined {
  return views.get(name);
}

export function keepView(view: TerminalView): void {
  views.get(view.options.name)?.dispose();
  views.set(view.options.name, view);
}

export function endView(name: string): void {
  views.get(name)?.dispose();
  views.delete(name);
}

export function allViews(): Iterable<TerminalView> {
  return views.values();
}

/** Puts the keyboard in a terminal, e.g. when its step waits for input. */
export function focusTerminal(name: string): void {
  views.get(name)?.focus();
}
