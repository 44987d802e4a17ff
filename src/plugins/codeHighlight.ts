/**
 * Code blocks that cost the browser nothing to show: colours as a stylesheet for both modes
 * (codeColors.ts), and, in the browser bundle only, `prism-react-renderer` replaced by
 * src/client/codeHighlight, which takes the tokens the server already drew from the page instead of
 * evaluating Prism. The server bundle keeps the real package, with bash added (prismWithShell.ts):
 * it is what highlights.
 */
import path from 'node:path';
import type { Plugin } from '@docusaurus/types';
import type { PrismTheme } from 'prism-react-renderer';
import { DARK_SCOPE, LIGHT_SCOPE, themeCss } from './codeColors';

export interface CodeHighlightOptions {
  light: PrismTheme;
  dark: PrismTheme;
}

export function codeHighlightPlugin(options: CodeHighlightOptions): Plugin {
  // Both themes' rules in every page's head: a few KB, and no request before the first paint.
  const css = `${themeCss(options.light, LIGHT_SCOPE)}\n${themeCss(options.dark, DARK_SCOPE)}`;
  return {
    name: 'code-highlight',
    injectHtmlTags: () => ({ headTags: [{ tagName: 'style', innerHTML: css }] }),
    configureWebpack: (_config, isServer) => {
      const real = require.resolve('prism-react-renderer');
      const withShell = path.resolve(__dirname, '../client/codeHighlight/prismWithShell.ts');
      const alias: Record<string, string> = isServer
        ? // The server highlights, with bash added.
          { 'prism-react-renderer$': withShell, 'rw-prism-react-renderer-real$': real }
        : // The browser reads the server's tokens, and loads the real thing only when it must.
          {
            'prism-react-renderer$': path.resolve(__dirname, '../client/codeHighlight/index.tsx'),
            'rw-prism-react-renderer$': withShell,
            'rw-prism-react-renderer-real$': real,
          };
      return { resolve: { alias } };
    },
  };
}
