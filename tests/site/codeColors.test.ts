import { describe, expect, it } from 'vitest';
import type { PrismTheme } from 'prism-react-renderer';
import { DARK_SCOPE, LIGHT_SCOPE, themeCss } from '../../src/plugins/codeColors';

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
