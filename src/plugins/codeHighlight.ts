/**
 * Code blocks that cost the browser nothing to show: colours as a stylesheet for both modes
 * (codeColors.ts), and, in the browser bundle only, `prism-react-renderer` replaced by
 * src/client/codeHighlight, which takes the tokens the server already drew from the page instead of
 * evaluating Prism. The server bundle keeps the real package: it is what highlights.
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
    configureWebpack: (_config, isServer) =>
      isServer
        ? {}
        : {
            resolve: {
              alias: {
                'prism-react-renderer$': path.resolve(__dirname, '../client/codeHighlight/index.tsx'),
                'rw-prism-react-renderer$': require.resolve('prism-react-renderer'),
              },
            },
          },
  };
}
