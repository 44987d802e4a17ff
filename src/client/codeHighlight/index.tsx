/**
 * What the browser bundle gets for `prism-react-renderer` (the alias is in
 * src/plugins/codeHighlight.ts; the server keeps the real one). Docusaurus's CodeBlock asks it for
 * `Highlight`, and its client module for `Prism`: importing the real package evaluates Prism and forty
 * grammars on every page, though the server has already highlighted every block.
 *
 * A block the page's HTML already shows is drawn from the tokens in that HTML (pageTokens.ts). Any
 * other (a page reached by client-side navigation) is drawn plain at once, then by the real Highlight
 * once its chunk has loaded. Colours are a stylesheet (src/plugins/codeColors.ts), so a token needs
 * only its classes, and the same tree is right in both colour modes.
 */
import { useCallback, useEffect, useMemo, useState, type ComponentType, type ReactNode } from 'react';
import type { Highlight as RealHighlight, PrismTheme } from 'prism-react-renderer';
import { tokensOnPage, type Token } from './pageTokens';

type HighlightProps = Parameters<typeof RealHighlight>[0];
type RenderProps = Parameters<HighlightProps['children']>[0];
type Real = typeof import('prism-react-renderer');

/**
 * Docusaurus's client module hands this to `@theme/prism-include-languages`, which loads no extra
 * language on this site (src/theme/prism-include-languages.ts) and so never uses it.
 */
export const Prism = undefined;

let realLoading: Promise<Real> | null = null;
function loadReal(): Promise<Real> {
  // The real package, under a name the alias leaves alone.
  realLoading ??= import('rw-prism-react-renderer') as Promise<Real>;
  return realLoading;
}

export function Highlight(props: HighlightProps): ReactNode {
  const { code, theme, children } = props;
  const language = props.language.toLowerCase();
  const coloured = hasColours(theme);
  const fromPage = useMemo(
    () => (coloured || typeof document === 'undefined' ? null : tokensOnPage(document, code, language)),
    [code, language, coloured],
  );
  const [real, setReal] = useState<ComponentType<HighlightProps> | null>(null);
  useEffect(() => {
    if (fromPage) return;
    let current = true;
    loadReal().then(
      (module) => current && setReal(() => module.Highlight),
      (error: unknown) => console.warn(`[runner] code highlighting could not load: ${String(error)}`),
    );
    return () => {
      current = false;
    };
  }, [fromPage]);
  const getLineProps = useCallback<RenderProps['getLineProps']>(
    ({ line: _line, className, ...rest }) => ({ ...rest, className: join('token-line', className) }),
    [],
  );
  const getTokenProps = useCallback<RenderProps['getTokenProps']>(
    ({ token, className, style, ...rest }) => ({
      ...rest,
      className: join('token', ...token.types, className),
      children: token.content,
      style: { ...((token as Token).empty ? { display: 'inline-block' } : {}), ...style },
    }),
    [],
  );
  if (real && !fromPage) {
    const Real = real;
    return <Real {...props} />;
  }
  return children({
    tokens: fromPage ?? plainLines(code),
    className: `prism-code language-${language}`,
    style: {},
    getLineProps,
    getTokenProps,
  });
}

function hasColours(theme: PrismTheme | undefined): boolean {
  return theme !== undefined && (theme.styles.length > 0 || Object.keys(theme.plain).length > 0);
}

function join(...names: Array<string | undefined>): string {
  return names.filter(Boolean).join(' ');
}

/** As prism-react-renderer draws a language it has no grammar for. */
function plainLines(code: string): Token[][] {
  return code
    .split(/\r\n|\r|\n/)
    .map((content) =>
      content === '' ? [{ types: ['plain'], content: '\n', empty: true }] : [{ types: ['plain'], content }],
    );
}
