// Adds <Diagram> (what src/plugins/diagrams turns a mermaid fence into) and <RwOnlyIn> (what
// src/remark/settingBlocks.ts turns `:::only` into) to the components every page's MDX may use,
// keeping the theme's own.
import MDXComponents from '@theme-original/MDXComponents';
import Diagram from '../../components/Diagram';
import OnlyIn from '../../components/OnlyIn';
import { ONLY_IN_NAME } from '../../remark/settingBlocks';

export default {
  ...MDXComponents,
  Diagram,
  [ONLY_IN_NAME]: OnlyIn,
};
