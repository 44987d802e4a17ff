/**
 * Code colours as a stylesheet, for both colour modes at once.
 *
 * Docusaurus colours each token with an inline style taken from the current mode's prism theme. The
 * server renders one mode only, so its CodeBlock re-mounts every block once the page has hydrated:
 * each block is tokenized a second time and its DOM replaced, on every page load (the longest tasks
 * after hydration on a phone, bench/README.md "Lighthouse"). Here the two themes become CSS rules
 * keyed on `[data-theme]`, the site's prism config holds a colourless theme, and the blocks carry
 * token classes only: the server's HTML is right in both modes from the first paint.
 */
import { themes, type PrismTheme } from 'prism-react-renderer';

// prism's github theme draws YAML keys (atrule) in #00a4db: 2.7:1 on its code background, where WCAG
// asks 4.5:1 (axe flags it on the authoring guide). The same hue, darker: 5:1.
export const LIGHT_CODE_THEME: PrismTheme = {
  ...themes.github,
  styles: themes.github.styles.map((entry) =>
    entry.style.color === '#00a4db' ? { ...entry, style: { ...entry.style, color: '#00739c' } } : entry,
  ),
};

export const DARK_CODE_THEME: PrismTheme = themes.dracula;

/** What the site's `prism.theme` and `prism.darkTheme` are: colours come from the stylesheet. */
export const COLOURLESS_THEME: PrismTheme = { plain: {}, styles: [] };

type Style = PrismTheme['plain'];

export const DARK_SCOPE = "[data-theme='dark']";
// Light rules never apply in dark mode, so a light rule for one language cannot outrank a dark one.
export const LIGHT_SCOPE = ":root:not([data-theme='dark'])";

function declarations(style: Style): string {
  return Object.entries(style)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(
      ([property, value]) => `${property.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${String(value)}`,
    )
    .join(';');
}

/**
 * One theme's rules under `scope`. prism-react-renderer gives a token every type on its path, and
 * merges the theme's entries for them in order; the rules keep that order, and an entry limited to
 * some languages gets their `language-*` class, as the theme's own filtering does.
 */
export function themeCss(theme: PrismTheme, scope: string): string {
  const rules = [
    `${scope}{${declarations({
      ...(theme.plain.color ? { '--prism-color': theme.plain.color } : {}),
      ...(theme.plain.backgroundColor ? { '--prism-background-color': theme.plain.backgroundColor } : {}),
    } as Style)}}`,
  ];
  for (const entry of theme.styles) {
    const body = declarations(entry.style);
    if (!body) continue;
    const blocks = entry.languages?.map((language) => `.prism-code.language-${language}`) ?? ['.prism-code'];
    const selectors = blocks.flatMap((block) =>
      entry.types.map((type) => `${scope} ${block} .token.${type}`),
    );
    rules.push(`${selectors.join(',')}{${body}}`);
  }
  return rules.join('\n');
}
