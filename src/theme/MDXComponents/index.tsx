// Adds <Tabs> and <TabItem> to what every page may use without an import: content tabs in a plain .md
// page (mkdocs-material's `=== "Tab"`, see src/remark/contentTabs.ts) cannot import them.
import MDXComponents from '@theme-original/MDXComponents';
import TabItem from '@theme/TabItem';
import Tabs from '@theme/Tabs';

export default { ...MDXComponents, Tabs, TabItem };
