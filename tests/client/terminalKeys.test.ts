import { describe, expect, it } from 'vitest';
import { keyAction, type KeyPress } from '../../src/components/TerminalDock/terminalKeys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('terminal keys (decided before xterm sees them)', () => {
  it('Ctrl+C interrupts with nothing selected, copies a selection', () => {
    expect(keyAction(press('c', { ctrlKey: true }), false, false)).toBe('terminal');
    expect(keyAction(press('c', { ctrlKey: true }), false, true)).toBe('copy');
  });

  it('Ctrl+Shift+C copies, and never reaches the shell', () => {
    expect(keyAction(press('C', { ctrlKey: true, shiftKey: true }), false, true)).toBe('copy');
    expect(keyAction(press('C', { ctrlKey: true, shiftKey: true }), false, false)).toBe('swallow');
  });

  it('Ctrl+V and Ctrl+Shift+V paste; Ctrl+Shift+F searches', () => {
    expect(keyAction(press('v', { ctrlKey: true }), false, false)).toBe('paste');
    expect(keyAction(press('V', { ctrlKey: true, shiftKey: true }), false, false)).toBe('paste');
    expect(keyAction(press('F', { ctrlKey: true, shiftKey: true }), false, false)).toBe('search');
  });

  it('on macOS Cmd+C copies and Cmd+V pastes, while Ctrl+C still interrupts', () => {
    expect(keyAction(press('c', { metaKey: true }), true, true)).toBe('copy');
    expect(keyAction(press('v', { metaKey: true }), true, false)).toBe('paste');
    expect(keyAction(press('c', { ctrlKey: true }), true, false)).toBe('terminal');
  });

  it('leaves every other key to the terminal', () => {
    expect(keyAction(press('a', { ctrlKey: true }), false, false)).toBe('terminal');
    expect(keyAction(press('x'), false, true)).toBe('terminal');
    expect(keyAction(press('c', { ctrlKey: true, altKey: true }), false, true)).toBe('terminal');
  });
});
