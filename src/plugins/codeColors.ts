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

/**
 * A theme whose every token colour reads at WCAG's 4.5:1 on the theme's own code background (axe
 * flags less as serious). prism's github theme draws YAML keys in #00a4db (2.7:1 on #f6f8fa), shell
 * variables and flags in #36acaa (2.6:1), strings in #e3116c (4.3:1); dracula's comments are 3:1.
 * Each is kept in its hue and darkened (on a light background) or lightened (on a dark one) just
 * enough.
 */
export function readableTheme(theme: PrismTheme, ratio = 4.5): PrismTheme {
  const background = rgbOf(theme.plain.backgroundColor ?? '#ffffff');
  return {
    ...theme,
    styles: theme.styles.map((entry) =>
      entry.style.color === undefined
        ? entry
        : {
            ...entry,
            style: { ...entry.style, color: readable(rgbOf(entry.style.color), background, ratio) },
          },
    ),
  };
}

export const LIGHT_CODE_THEME: PrismTheme = readableTheme(themes.github);

export const DARK_CODE_THEME: PrismTheme = readableTheme(themes.dracula);

export type Rgb = readonly [number, number, number];

/** `#rrggbb` or `rgb(r, g, b)`, as prism themes write their colours. */
export function rgbOf(color: string): Rgb {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  const rgb = /^rgb\(\s*(\d+),\s*(\d+),\s*(\d+)\s*\)$/.exec(color);
  const parts = hex ? hex.slice(1).map((part) => parseInt(part, 16)) : rgb?.slice(1).map(Number);
  if (!parts) throw new Error(`code colours: cannot read the colour ${color}`);
  return [parts[0]!, parts[1]!, parts[2]!];
}

/** WCAG 2's relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const channel = (value: number) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function readable(color: Rgb, background: Rgb, ratio: number): string {
  const towards = luminance(background) > 0.5 ? 0 : 255;
  for (let step = 0; step <= 100; step += 1) {
    const mixed = color.map((c) => Math.round(c + ((towards - c) * step) / 100)) as unknown as Rgb;
    if (contrast(mixed, background) >= ratio)
      return `#${mixed.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  }
  return towards === 0 ? '#000000' : '#ffffff';
}

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
