/**
 * The page feeds its terminal one slice of output per task (writePacer.ts), so a key pressed
 * during a flood is handled between slices; the screen here is a stand-in for xterm that, like
 * xterm, says it parsed a write in a later task.
 */
import { describe, expect, it } from 'vitest';
import { WRITE_SLICE, WritePacer } from '../../src/components/TerminalDock/writePacer';

class Screen {
  readonly writes: string[] = [];
  readonly events: string[] = [];
  write(data: string, parsed?: () => void): void {
    this.writes.push(data);
    this.events.push(`write ${data.length}`);
    setTimeout(() => parsed?.(), 0);
  }
  reset(): void {
    this.events.push('reset');
  }
  get text(): string {
    return this.writes.join('');
  }
}

const settled = (pacer: WritePacer, screen: Screen, units: number) =>
  new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const check = () => {
      if (screen.text.length >= units) return resolve();
      if (Date.now() - started > 5_000)
        return reject(new Error(`only ${screen.text.length} of ${units} units`));
      setTimeout(check, 1);
    };
    check();
  });

describe('feeding the terminal a slice per task', () => {
  it('writes a small frame at once, as an echo after a keystroke needs', () => {
    const screen = new Screen();
    const pacer = new WritePacer(screen);
    pacer.write('x');
    expect(screen.writes).toEqual(['x']);
    pacer.dispose();
  });

  it('writes a snapshot, what follows a reset, whole: a screen rebuilt in one frame, not a frame per slice', async () => {
    const screen = new Screen();
    const pacer = new WritePacer(screen);
    const snapshot = 'r'.repeat(20 * WRITE_SLICE);
    const after = 's'.repeat(2 * WRITE_SLICE);
    pacer.reset();
    pacer.write(snapshot);
    pacer.write(after);
    await settled(pacer, screen, snapshot.length + after.length);
    expect(screen.events).toEqual([
      'reset',
      `write ${snapshot.length}`,
      `write ${WRITE_SLICE}`,
      `write ${WRITE_SLICE}`,
    ]);
    pacer.dispose();
  });

  it('writes a flood a slice at a time, in order, and says once when all of it is parsed', async () => {
    const screen = new Screen();
    const pacer = new WritePacer(screen);
    const flood = Array.from({ length: 5 * WRITE_SLICE + 7 }, (_, i) =>
      String.fromCharCode(97 + (i % 26)),
    ).join('');
    let done = 0;
    pacer.write(flood, () => (done += 1));
    // Only the first slice reaches the screen inside the call; the rest wait for their turn.
    expect(screen.writes).toEqual([flood.slice(0, WRITE_SLICE)]);
    await settled(pacer, screen, flood.length);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(screen.text).toBe(flood);
    expect(screen.writes.every((slice) => slice.length <= WRITE_SLICE)).toBe(true);
    expect(done).toBe(1);
    pacer.dispose();
  });

  it('keeps a reset in order with the writes around it', async () => {
    const screen = new Screen();
    const pacer = new WritePacer(screen);
    pacer.write('a'.repeat(WRITE_SLICE * 2));
    pacer.reset();
    pacer.write('b');
    await settled(pacer, screen, WRITE_SLICE * 2 + 1);
    expect(screen.events).toEqual([`write ${WRITE_SLICE}`, `write ${WRITE_SLICE}`, 'reset', 'write 1']);
    pacer.dispose();
  });

  it('hands everything queued to the screen at once on Ctrl-C, dropping nothing', async () => {
    const screen = new Screen();
    const pacer = new WritePacer(screen);
    const flood = 'y\r\n'.repeat(4 * WRITE_SLICE);
    let done = 0;
    pacer.write(flood, () => (done += 1));
    pacer.write('$ ', () => (done += 1));
    pacer.hurry();
    expect(screen.text).toBe(flood + '$ ');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(done).toBe(2);
    pacer.dispose();
  });
});
