import { describe, expect, it } from 'vitest';
import type { PrismTheme } from 'prism-react-renderer';
import {
  contrast,
  DARK_CODE_THEME,
  DARK_SCOPE,
  LIGHT_CODE_THEME,
  LIGHT_SCOPE,
  readableTheme,
  rgbOf,
  themeCss,
} from '../../src/plugins/codeColors';

const theme: PrismTheme = {
  plain: { color: '#111111', backgroundColor: '#eeeeee' },
  styles: [
    { types: ['comment', 'prolog'], style: { color: '#777777', fontStyle: 'italic' } },
    { types: ['atrule'], languages: ['yaml'], style: { color: '#00739c' } },
    { types: ['punctuation'], style: {} },
  ],
};

describe('code colours as a stylesheet', () => {
  const css = themeCss(theme, DARK_SCOPE);

  it('gives the code block its colours through the theme variables Docusaurus reads', () => {
    expect(css).toContain(`${DARK_SCOPE}{--prism-color:#111111;--prism-background-color:#eeeeee}`);
  });

  it('colours every token type of an entry, under the scope, in CSS property names', () => {
    expect(css).toContain(
      `${DARK_SCOPE} .prism-code .token.comment,${DARK_SCOPE} .prism-code .token.prolog{color:#777777;font-style:italic}`,
    );
  });

  it('keeps an entry meant for some languages to those languages', () => {
    expect(css).toContain(`${DARK_SCOPE} .prism-code.language-yaml .token.atrule{color:#00739c}`);
    expect(css).not.toContain('.prism-code .token.atrule');
  });

  it('writes no rule for an entry with no style', () => {
    expect(css).not.toContain('punctuation');
  });

  it('scopes the light theme so that it never applies in dark mode', () => {
    expect(
      themeCss(theme, LIGHT_SCOPE)
        .split('\n')
        .every((rule) => rule.startsWith(LIGHT_SCOPE)),
    ).toBe(true);
    expect(LIGHT_SCOPE).toContain(":not([data-theme='dark'])");
  });
});

describe("the site's code colours", () => {
  it.each([
    ['light', LIGHT_CODE_THEME],
    ['dark', DARK_CODE_THEME],
  ] as const)('read at 4.5:1 or more on the %s code background, every token', (_mode, site) => {
    const background = rgbOf(site.plain.backgroundColor!);
    for (const entry of site.styles) {
      if (entry.style.color === undefined) continue;
      expect({ types: entry.types, ratio: contrast(rgbOf(entry.style.color), background) >= 4.5 }).toEqual({
        types: entry.types,
        ratio: true,
      });
    }
  });

  it('keep a colour that already reads, and darken one that does not in its own hue, just enough', () => {
    const adjusted = readableTheme({
      plain: { backgroundColor: '#f6f8fa' },
      styles: [
        { types: ['keyword'], style: { color: '#00009f' } },
        { types: ['variable'], style: { color: 'rgb(54, 172, 170)' } },
      ],
    });
    expect(adjusted.styles[0]!.style.color).toBe('#00009f');
    const variable = rgbOf(adjusted.styles[1]!.style.color!);
    const ratio = contrast(variable, rgbOf('#f6f8fa'));
    expect(ratio).toBeGreaterThanOrEqual(4.5);
    expect(ratio).toBeLessThan(4.7);
    // Still teal: green and blue about equal, red well under both.
    expect(Math.abs(variable[1] - variable[2])).toBeLessThan(8);
    expect(variable[0]).toBeLessThan(variable[1] / 2);
  });
});
