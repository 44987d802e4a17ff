// A remark plugin: every mermaid fence becomes <Diagram> with its drawing from `npm run diagrams`
// inlined (one SVG that follows the colour mode), so no reader downloads or runs mermaid. A fence whose source has no
// drawing (edited since the last `npm run diagrams`) still builds: <Diagram> shows its source and says
// how to draw it, and tests/site/diagrams.test.ts fails until it is drawn.
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { DIAGRAM_LANGUAGES, diagramHash } from './diagramSource';
import { readRendered } from './renderedDiagrams';

/** The MDX component the fences become (src/theme/MDXComponents maps it to src/components/Diagram). */
export const DIAGRAM_COMPONENT = 'Diagram';

interface JsxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: string;
}

function attribute(name: string, value: string): JsxAttribute {
  return { type: 'mdxJsxAttribute', name, value };
}

export default function remarkDiagrams() {
  return (tree: Root, file: { path?: string }) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (!parent || index === undefined) return;
      if (!(DIAGRAM_LANGUAGES as readonly string[]).includes(node.lang ?? '')) return;
      const hash = diagramHash(node.value);
      const rendered = readRendered(hash);
      const attributes = [attribute('hash', hash)];
      if (rendered) attributes.push(attribute('svg', rendered.svg));
      else {
        attributes.push(attribute('source', node.value));
        console.warn(
          `[diagrams] ${file.path ?? 'a page'}: a diagram has no drawing; run \`npm run diagrams\`.`,
        );
      }
      const element = { type: 'mdxJsxFlowElement', name: DIAGRAM_COMPONENT, attributes, children: [] };
      parent.children.splice(index, 1, element as unknown as Code);
    });
  };
}
