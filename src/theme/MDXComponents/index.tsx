// Adds <Diagram> (what src/plugins/diagrams turns a mermaid fence into) to the components every page's
// MDX may use, keeping the theme's own.
import MDXComponents from '@theme-original/MDXComponents';
import Diagram from '../../components/Diagram';

export default {
  ...MDXComponents,
  Diagram,
};
