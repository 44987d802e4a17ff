/**
 * A view of one terminal: an xterm on the page, with its addons and its link to the server. It
 * owns a host element of its own, so a React re-render can move it between containers without
 * re-creating the terminal; everything it subscribes to is disposed in `dispose`.
 */
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { Access, TerminalConnection } from '../../client/connection';
import { DisposableStore, type Disposable } from '../../protocol/disposable';
import type { TerminalKit } from '../../client/loadTerminal';
import { TERMINAL_FONT_FAMILY } from '../../client/terminalSize';
import { TERMINAL_THEMES, type ColorMode } from './terminalTheme';

/** Units per xterm write (see writeSliced). */
const WRITE_SLICE = 4096;

export interface TerminalViewOptions {
  name: string;
  fontSize: number;
  colorMode: ColorMode;
  /** `watch`: keystrokes are not sent (a recorded output, or an audience connection). */
  access: Access;
}

export class TerminalView implements Disposable {
  readonly host: HTMLDivElement;
  private readonly terminal: Terminal;
  private readonly fitAddon: FitAddon;
  /** The link to the server (attach, keystrokes, resizes): replaced when the terminal is re-opened. */
  private readonly link = new DisposableStore();
  private opened = false;

  constructor(
    kit: TerminalKit,
    readonly options: TerminalViewOptions,
  ) {
    this.host = document.createElement('div');
    this.host.className = 'rw-terminal-host';
    this.host.dataset.terminal = options.name;
    this.terminal = new kit.Terminal({
      fontSize: options.fontSize,
      fontFamily: TERMINAL_FONT_FAMILY,
      theme: TERMINAL_THEMES[options.colorMode],
      scrollback: 5000,
      cursorBlink: options.access === 'write',
      disableStdin: options.access === 'watch',
      convertEol: options.access === 'watch',
      allowProposedApi: false,
    });
    this.fitAddon = new kit.FitAddon();
    this.terminal.loadAddon(this.fitAddon);
    this.terminal.loadAddon(new kit.WebLinksAddon());
  }

  /** Puts the terminal into `container` (first call opens it), then fits it. */
  mount(container: HTMLElement): void {
    if (this.host.parentElement !== container) container.appendChild(this.host);
    if (!this.opened) {
      this.terminal.open(this.host);
      this.opened = true;
    }
    this.fit();
  }

  /** Resizes to the container; null while hidden (a collapsed dock has no size to fit). */
  fit(): { cols: number; rows: number } | null {
    if (!this.opened || this.host.clientWidth === 0 || this.host.clientHeight === 0) return null;
    const proposed = this.fitAddon.proposeDimensions();
    if (!proposed || !Number.isFinite(proposed.cols) || !Number.isFinite(proposed.rows)) return null;
    this.fitAddon.fit();
    return { cols: this.terminal.cols, rows: this.terminal.rows };
  }

  get size(): { cols: number; rows: number } {
    return { cols: this.terminal.cols, rows: this.terminal.rows };
  }

  /** Streams the server's terminal into this screen and keystrokes back, until disposed. */
  connect(connection: TerminalConnection): void {
    const name = this.options.name;
    this.link.clear();
    const sink = {
      write: (data: string, done: () => void) => this.writeSliced(data, done),
      reset: () => this.terminal.reset(),
    };
    this.link.add(connection.attach(name, this.size, sink, this.options.access));
    if (this.options.access === 'watch') return;
    this.link.add(this.terminal.onData((data) => connection.input(name, data)));
    this.link.add(this.terminal.onResize(({ cols, rows }) => connection.resize(name, { cols, rows })));
  }

  /**
   * xterm parses its queue in tasks of ~12 ms, but only checks the time between the pieces it was
   * given: a 32 KB frame is parsed in one go. Smaller pieces keep the page's tasks short during a
   * flood. xterm keeps a split surrogate pair for the next piece; `done` follows the last one.
   */
  private writeSliced(data: string, done: () => void): void {
    for (let at = 0; at < data.length; at += WRITE_SLICE) {
      const last = at + WRITE_SLICE >= data.length;
      this.terminal.write(data.slice(at, at + WRITE_SLICE), last ? done : undefined);
    }
  }

  write(data: string, done?: () => void): void {
    this.terminal.write(data, done);
  }

  setColorMode(mode: ColorMode): void {
    this.terminal.options.theme = TERMINAL_THEMES[mode];
  }

  setFontSize(size: number): void {
    if (this.terminal.options.fontSize === size) return;
    this.terminal.options.fontSize = size;
    this.fit();
  }

  focus(): void {
    this.terminal.focus();
  }

  dispose(): void {
    this.link.dispose();
    this.terminal.dispose();
    this.host.remove();
  }
}
