/**
 * The theme's CodeBlock/Content/String, with our `useCodeWordWrap` (src/client/codeWordWrap.ts): the
 * theme's measured every block in an effect as the page hydrated, forcing a layout each time. The
 * component is otherwise the theme's own (it has no part to wrap: the hook is called inside it).
 */
import type { Props } from '@theme/CodeBlock/Content/String';
import CodeBlockLayout from '@theme/CodeBlock/Layout';
import { useThemeConfig } from '@docusaurus/theme-common';
import { CodeBlockContextProvider, createCodeBlockMetadata } from '@docusaurus/theme-common/internal';
import { useMemo, type ReactNode } from 'react';
import { useCodeWordWrap } from '../../../client/codeWordWrap';

export default function CodeBlockString(props: Props): ReactNode {
  const { prism } = useThemeConfig();
  const { children, className, metastring, language, title, showLineNumbers } = props;
  // Kept across renders (the theme's parsed every line again on each): a block re-renders when it
  // learns its code is wider than it.
  const metadata = useMemo(
    () =>
      createCodeBlockMetadata({
        code: children,
        className,
        metastring,
        magicComments: prism.magicComments,
        defaultLanguage: prism.defaultLanguage,
        language,
        title,
        showLineNumbers,
      }),
    [children, className, metastring, prism, language, title, showLineNumbers],
  );
  const wordWrap = useCodeWordWrap();
  return (
    <CodeBlockContextProvider metadata={metadata} wordWrap={wordWrap}>
      <CodeBlockLayout />
    </CodeBlockContextProvider>
  );
}
