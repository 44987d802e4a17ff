// A Docusaurus plugin: keeps mermaid, and everything it loads, in the lazy chunks that only a drawn
// diagram fetches. Docusaurus' `common` cache group (priority 40) gathers any module shared by half the
// routes' chunks; mermaid's own lazily imported parser (@mermaid-js/parser: langium, chevrotain) and
// helpers land there, and `common` is loaded by every page (it also holds @mdx-js/react): 142 KB gzip
// on every page for a diagram two pages have. A group of higher priority takes those modules first.
// Same fix as samber/do#303; background in facebook/docusaurus#11438.
import type { Plugin } from '@docusaurus/types';

export const DIAGRAM_CHUNKS_PLUGIN_NAME = 'diagram-chunks';

/**
 * mermaid 11 and its dependencies (and theirs: d3's, cytoscape's, roughjs', langium's), found in the
 * built chunks. None of them is used by a page without a diagram; a package added here that a page
 * also imports would only be split into a shared async chunk, never lost.
 */
const DIAGRAM_PACKAGES = [
  'mermaid',
  '@mermaid-js/[^/\\\\]+',
  'langium',
  'chevrotain',
  '@chevrotain/[^/\\\\]+',
  'vscode-[^/\\\\]+',
  'cytoscape[^/\\\\]*',
  'cose-base',
  'layout-base',
  'dagre-d3-es',
  'khroma',
  'katex',
  'elkjs',
  'd3',
  'd3-[^/\\\\]+',
  'internmap',
  'delaunator',
  'robust-predicates',
  'roughjs',
  'points-on-curve',
  'points-on-path',
  'path-data-parser',
  'hachure-fill',
  'stylis',
  'dayjs',
  'dompurify',
  'marked',
  'lodash-es',
  'es-toolkit',
  'ts-dedent',
  'uuid',
  'fastdom',
  '@braintree/sanitize-url',
  '@iconify/[^/\\\\]+',
  '@upsetjs/[^/\\\\]+',
];

export const DIAGRAM_MODULES = new RegExp(`[\\\\/]node_modules[\\\\/](${DIAGRAM_PACKAGES.join('|')})[\\\\/]`);

export default function diagramChunksPlugin(): Plugin {
  return {
    name: DIAGRAM_CHUNKS_PLUGIN_NAME,
    configureWebpack(_config, isServer) {
      // The server bundle is not split (it renders pages at build time).
      if (isServer) return {};
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              diagrams: {
                test: DIAGRAM_MODULES,
                // Only modules of lazily loaded chunks: what a page loads first is left as it is.
                chunks: 'async',
                // Above `common` (40), below `styles` (50, the one CSS file).
                priority: 45,
                // Ignore minSize/minChunks/maxAsyncRequests, which would otherwise hand them back.
                enforce: true,
                reuseExistingChunk: true,
              },
            },
          },
        },
      };
    },
  };
}
