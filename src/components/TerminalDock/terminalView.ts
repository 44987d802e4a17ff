/**
 * A view of one terminal: an xterm on the page, with its addons and its link to the server. It
 * owns a host element of its own, so a React re-render can move it between containers without
 * re-creating the terminal; everything it subscribes to is disposed in `dispose`.
 */
import type { Terminal } from '@xterm/xterm';
import type { FitAddon } from '@xterm/addon-fit';
import type { SearchAddon } from '@xterm/addon-search';
import { copyText } from '../../client/clipboard';
import type { Access, TerminalConnection } from '../../client/connection';
import { DisposableStore, type Disposable } from '../../protocol/disposable';
import type { TerminalKit } from '../../client/loadTerminal';
import { TERMINAL_FONT_FAMILY } from '../../client/terminalSize';
import { TERMINAL_THEMES, type ColorMode } from './terminalTheme';
import { isApplePlatform, keyAction } from './terminalKeys';
import { WritePacer } from './writePacer';
import { keepingReaderPlace } from './readerPlace';

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
  private readonly searchAddon: SearchAddon;
  private readonly pacer: WritePacer;
  private connection: TerminalConnection | null = null;
  /** The key bar's Ctrl, held for the next key typed. */
  private ctrlArmed = false;
  /** Set by the panel: Ctrl+Shift+F (Cmd+F) opens its search box. */
  onSearchRequest: (() => void) | null = null;
  /** The link to the server (attach, keystrokes, resizes): replaced when the terminal is re-opened. */
  private readonly link = new DisposableStore();
  private opened = false;
  /** Whether the server has written anything to this screen yet. */
  private written = false;
  /** Where a view opened before its tab waits out of sight, until `mount` moves it out. */
  private parking: HTMLElement | null = null;

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
      // A blinking cursor restarts its blink on every key and asks for a frame; Chromium then holds
      // the echo's socket message until that frame is done, and the echo waits for the next one:
      // keystroke → echo painted was 35.7 ms p50 blinking, 17.3 steady (bench/README.md).
      cursorBlink: false,
      disableStdin: options.access === 'watch',
      convertEol: options.access === 'watch',
      allowProposedApi: false,
    });
    this.pacer = new WritePacer(keepingReaderPlace(this.terminal));
    this.fitAddon = new kit.FitAddon();
    this.terminal.loadAddon(this.fitAddon);
    this.terminal.loadAddon(new kit.WebLinksAddon());
    this.searchAddon = new kit.SearchAddon();
    this.terminal.loadAddon(this.searchAddon);
    const apple = isApplePlatform();
    this.terminal.attachCustomKeyEventHandler((event) => {
      const action = keyAction(event, apple, this.terminal.hasSelection());
      if (action === 'terminal') return true;
      if (event.type === 'keydown') {
        // A paste is left to the browser: its paste event reaches xterm, which brackets it.
        if (action !== 'paste') event.preventDefault();
        if (action === 'copy') void this.copySelection();
        if (action === 'search') this.onSearchRequest?.();
      }
      return false;
    });
  }

  hasSelection(): boolean {
    return this.terminal.hasSelection();
  }

  /** Copies the selection (then clears it, so the next Ctrl+C interrupts again). */
  async copySelection(): Promise<void> {
    const text = this.terminal.getSelection();
    if (!text) return;
    this.terminal.clearSelection();
    const result = await copyText(text);
    if (!result.ok) console.warn(`[runner] ${result.message}`);
  }

  /** Pastes as typed keys would arrive, bracketed when the shell asked for it. */
  paste(text: string): void {
    if (this.options.access !== 'watch') this.terminal.paste(text);
  }

  /** A key of the touch key bar: sent as the terminal would send it. */
  sendKey(sequence: string): void {
    if (this.options.access !== 'watch') this.connection?.input(this.options.name, sequence);
    this.terminal.focus();
  }

  armCtrl(): void {
    this.ctrlArmed = true;
    this.terminal.focus();
  }

  clear(): void {
    this.terminal.clear();
  }

  scrollToBottom(): void {
    this.terminal.scrollToBottom();
  }

  /**
   * Calls `listener` when the newest line goes off screen or comes back: on a change only. React
   * keeps every setState of an unchanged value queued until the next render, and output that
   * scrolls fires this per write: under `yes` that was a million queued updates (120 MB).
   */
  watchAtBottom(listener: (atBottom: boolean) => void): Disposable {
    let last: boolean | undefined;
    const check = () => {
      const buffer = this.terminal.buffer.active;
      const atBottom = buffer.viewportY >= buffer.baseY;
      if (atBottom === last) return;
      last = atBottom;
      listener(atBottom);
    };
    const subscriptions = [this.terminal.onScroll(check), this.terminal.onWriteParsed(check)];
    return { dispose: () => subscriptions.forEach((subscription) => subscription.dispose()) };
  }

  find(term: string, backwards = false): boolean {
    if (!term) return false;
    return backwards ? this.searchAddon.findPrevious(term) : this.searchAddon.findNext(term);
  }

  endSearch(): void {
    this.searchAddon.clearDecorations();
    this.terminal.clearSelection();
    this.terminal.focus();
  }

  /** Opens the terminal before its tab exists, in a hidden `parking` box (prewarm.ts). */
  park(parking: HTMLElement): void {
    this.mount(parking);
    this.parking = parking;
  }

  /** Puts the terminal into `container` (first call opens it), then fits it. */
  mount(container: HTMLElement): void {
    if (this.host.parentElement !== container) container.appendChild(this.host);
    if (this.parking !== container) this.parking?.remove();
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
      write: (data: string, done: () => void) => {
        this.written = true;
        this.pacer.write(data, done);
      },
      // A new shell's first frame says "reset": a screen that never showed anything is already
      // reset, and xterm's reset rebuilds its buffers (~10 ms of a first Run).
      reset: () => {
        if (this.written) this.pacer.reset();
        this.written = false;
      },
      hurry: () => this.pacer.hurry(),
    };
    this.link.add(connection.attach(name, this.size, sink, this.options.access));
    this.connection = connection;
    if (this.options.access === 'watch') return;
    this.link.add(this.terminal.onData((data) => connection.input(name, this.withArmedCtrl(data))));
    this.link.add(this.terminal.onResize(({ cols, rows }) => connection.resize(name, { cols, rows })));
  }

  /** The key bar's Ctrl applied to the next letter typed (Ctrl+letter is the letter's code & 0x1f). */
  private withArmedCtrl(data: string): string {
    if (!this.ctrlArmed) return data;
    this.ctrlArmed = false;
    return data.length === 1 && /[@-~a-z]/i.test(data)
      ? String.fromCharCode(data.toUpperCase().charCodeAt(0) & 0x1f)
      : data;
  }

  write(data: string, done?: () => void): void {
    this.pacer.write(data, done);
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
    this.pacer.dispose();
    this.link.dispose();
    this.terminal.dispose();
    this.host.remove();
    this.parking?.remove();
  }
}
