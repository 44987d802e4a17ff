/**
 * A snapshot that replaces the screen (a flood fast-forwarded, a reconnection) keeps a reader who
 * scrolled up where they were, counted from the newest line (readerPlace.ts). The screen is the
 * real xterm, headless, fed through the page's WritePacer as in the dock.
 */
import { Terminal } from '@xterm/headless';
import { afterEach, describe, expect, it } from 'vitest';
import { keepingReaderPlace } from '../../src/components/TerminalDock/readerPlace';
import { WritePacer } from '../../src/components/TerminalDock/writePacer';

const ROWS = 10;
const terminals: Terminal[] = [];

function screen(): { terminal: Terminal; pacer: WritePacer } {
  const terminal = new Terminal({ cols: 40, rows: ROWS, scrollback: 5000, allowProposedApi: true });
  terminals.push(terminal);
  return { terminal, pacer: new WritePacer(keepingReaderPlace(terminal)) };
}

afterEach(() => terminals.splice(0).forEach((terminal) => terminal.dispose()));

function lines(from: number, count: number): string {
  return Array.from({ length: count }, (_, i) => `line ${from + i}`).join('\r\n');
}

function written(pacer: WritePacer, data: string): Promise<void> {
  return new Promise((resolve) => pacer.write(data, resolve));
}

/** Rows between the top of the view and the newest line's page: 0 at the bottom. */
function rowsUp(terminal: Terminal): number {
  return terminal.buffer.active.baseY - terminal.buffer.active.viewportY;
}

function topRow(terminal: Terminal): string {
  const buffer = terminal.buffer.active;
  return buffer.getLine(buffer.viewportY)?.translateToString(true) ?? '';
}

describe("a snapshot keeps the reader's place", () => {
  it('keeps a reader 200 rows up 200 rows up, on the snapshot’s own rows', async () => {
    const { terminal, pacer } = screen();
    await written(pacer, lines(1, 1000));
    terminal.scrollLines(-200);
    expect(rowsUp(terminal)).toBe(200);

    // The server fast-forwarded: the screen and its last 1000 rows, further on.
    pacer.reset();
    await written(pacer, lines(5001, 1000));
    expect(rowsUp(terminal)).toBe(200);
    expect(topRow(terminal)).toBe(`line ${5001 + 1000 - ROWS - 200}`);
  });

  it('keeps a reader at the bottom at the bottom', async () => {
    const { terminal, pacer } = screen();
    await written(pacer, lines(1, 1000));
    pacer.reset();
    await written(pacer, lines(5001, 1000));
    expect(rowsUp(terminal)).toBe(0);
    expect(topRow(terminal)).toBe(`line ${5001 + 1000 - ROWS}`);
  });

  it('goes to the top of a snapshot shorter than the distance, and remembers through resets in a row', async () => {
    const { terminal, pacer } = screen();
    await written(pacer, lines(1, 1000));
    terminal.scrollLines(-900);
    pacer.reset();
    pacer.reset();
    await written(pacer, lines(5001, 300));
    expect(terminal.buffer.active.viewportY).toBe(0);
    expect(topRow(terminal)).toBe('line 5001');
  });

  it('lets output after the snapshot stream as usual: a reader who scrolled up is not moved', async () => {
    const { terminal, pacer } = screen();
    await written(pacer, lines(1, 1000));
    terminal.scrollLines(-200);
    pacer.reset();
    await written(pacer, lines(5001, 1000));
    const top = topRow(terminal);
    await written(pacer, `\r\n${lines(6001, 50)}`);
    expect(topRow(terminal)).toBe(top);
  });
});
