/** xterm colours for the site's light and dark modes (Docusaurus sets `data-theme` on <html>). */
import type { ITheme } from '@xterm/xterm';

export type ColorMode = 'light' | 'dark';

export const TERMINAL_THEMES: Record<ColorMode, ITheme> = {
  light: {
    background: '#fbfbfd',
    foreground: '#1c1e21',
    cursor: '#1c1e21',
    cursorAccent: '#fbfbfd',
    selectionBackground: '#b4d5fe',
    black: '#1c1e21',
    red: '#c4262e',
    green: '#1e7b34',
    yellow: '#8a6100',
    blue: '#1a5fb4',
    magenta: '#8e3ba6',
    cyan: '#0f7b8a',
    white: '#d0d4d9',
    brightBlack: '#5c6370',
    brightRed: '#e0313a',
    brightGreen: '#26963f',
    brightYellow: '#a67500',
    brightBlue: '#2a72d4',
    brightMagenta: '#a54dbf',
    brightCyan: '#138fa0',
    brightWhite: '#ffffff',
  },
  dark: {
    background: '#1b1b1d',
    foreground: '#e3e3e3',
    cursor: '#e3e3e3',
    cursorAccent: '#1b1b1d',
    selectionBackground: '#3e4451',
    black: '#1b1b1d',
    red: '#ff6b6b',
    green: '#69d286',
    yellow: '#f0c674',
    blue: '#6cb6ff',
    magenta: '#d38aea',
    cyan: '#56d4dd',
    white: '#c8ccd4',
    brightBlack: '#7f848e',
    brightRed: '#ff8787',
    brightGreen: '#8ce0a3',
    brightYellow: '#f5d491',
    brightBlue: '#8cc8ff',
    brightMagenta: '#e0a6f2',
    brightCyan: '#7ee0e6',
    brightWhite: '#ffffff',
  },
};

export function currentColorMode(): ColorMode {
  return document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light';
}
