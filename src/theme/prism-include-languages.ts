/**
 * Replaces the theme's loader of `prism.additionalLanguages`. The original loads each one with
 * require(`prismjs/components/prism-${lang}`), which Rspack bundles as prismjs' Node loader and its
 * component metadata: 8.8 KB gzip in main.js, on every page, for no language at all. This site adds
 * none; one added to the config fails loudly here (the site tests see the page error) instead of
 * being silently unhighlighted.
 */
import siteConfig from '@generated/docusaurus.config';

export default function prismIncludeLanguages(): void {
  const prism = siteConfig.themeConfig['prism'] as { additionalLanguages?: string[] } | undefined;
  const languages = prism?.additionalLanguages ?? [];
  if (languages.length > 0) {
    throw new Error(
      `prism.additionalLanguages (${languages.join(', ')}) are not loaded: require them in src/theme/prism-include-languages.ts.`,
    );
  }
}
