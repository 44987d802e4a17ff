import type { Config } from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import remarkSteps from './src/remark/remarkSteps';
import remarkContentTabs from './src/remark/contentTabs';
import remarkSettingBlocks from './src/remark/settingBlocks';
import remarkMissingImages from './src/remark/missingImages';
import { fromMkdocs } from './src/remark/mkdocsDialect';
import { localFileExists, siteDirsOf } from './src/plugins/localFiles';
import stepManifestPlugin from './src/plugins/stepManifest';
import presenterPlugin from './src/plugins/presenter';
import remarkDiagrams from './src/plugins/diagrams/remarkDiagrams';
import { COLOURLESS_THEME, DARK_CODE_THEME, LIGHT_CODE_THEME } from './src/plugins/codeColors';
import { codeHighlightPlugin } from './src/plugins/codeHighlight';

// Runs in Node.js at build time: no browser code here.

const siteDirs = siteDirsOf(__dirname);

const config: Config = {
  title: 'Multi-cluster application interconnect',
  tagline: 'A hybrid-cloud walkthrough you run from the page',
  favicon: 'images/favicon.ico',

  future: {
    v4: true,
  },

  url: 'https://example.invalid',
  baseUrl: '/',

  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  markdown: {
    // Pages come from elsewhere (GitHub READMEs, mkdocs-material sites): `.md` is CommonMark + GFM, so
    // HTML comments and raw HTML work as on GitHub; `.mdx` is MDX. mkdocs-material's admonitions and
    // content tabs are rewritten into Docusaurus's (src/remark/mkdocsDialect.ts).
    format: 'detect',
    preprocessor: ({ fileContent }) => fromMkdocs(fileContent).markdown,
    hooks: {
      onBrokenMarkdownLinks: 'throw',
      onBrokenMarkdownImages: 'throw',
    },
  },
  // Writes build/steps.json (every page's steps) for the terminal server and the rehearsal runner.
  // Every doc page also opens as a deck at /present/<page> (src/plugins/presenter).
  // Mermaid fences are drawn to SVG by `npm run diagrams` and inlined by src/plugins/diagrams: no reader runs mermaid.
  plugins: [
    stepManifestPlugin,
    presenterPlugin,
    () => codeHighlightPlugin({ light: LIGHT_CODE_THEME, dark: DARK_CODE_THEME }),
  ],
  themes: [
    [
      // Offline search: the index is built into the static site, so it works with no network.
      '@easyops-cn/docusaurus-search-local',
      { hashed: true, indexBlog: false, docsRouteBasePath: '/' },
    ],
  ],

  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },

  presets: [
    [
      'classic',
      {
        docs: {
          sidebarPath: './sidebars.ts',
          // The walkthrough is the whole site: its first page is the home page.
          routeBasePath: '/',
          // Shell fences become steps (src/remark); their data reaches @theme/CodeBlock as a `data-step` prop.
          remarkPlugins: [remarkContentTabs, remarkSettingBlocks, remarkDiagrams, remarkSteps],
          // Before Docusaurus's own image plugin, which fails the build on a missing file: a missing
          // picture becomes a placeholder that says so (`npm run check-pages` reports it).
          beforeDefaultRemarkPlugins: [
            [
              remarkMissingImages,
              { exists: (url: string, page: string) => localFileExists(url, page, siteDirs) },
            ],
          ],
        },
        blog: false,
        theme: {
          customCss: './src/css/custom.css',
        },
      } satisfies Preset.Options,
    ],
  ],

  themeConfig: {
    colorMode: {
      respectPrefersColorScheme: true,
    },
    navbar: {
      title: 'Hybrid-cloud walkthrough',
      items: [
        {
          type: 'docSidebar',
          sidebarId: 'walkthrough',
          position: 'left',
          label: 'Walkthrough',
        },
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'Runnable walkthrough: built with Docusaurus, xterm.js and Skupper hello-world.',
    },
    // The colours are a stylesheet for both modes (src/plugins/codeColors.ts): no block is
    // re-rendered when the page learns its colour mode.
    prism: {
      theme: COLOURLESS_THEME,
      darkTheme: COLOURLESS_THEME,
    },
  } satisfies Preset.ThemeConfig,
};

export default config;
