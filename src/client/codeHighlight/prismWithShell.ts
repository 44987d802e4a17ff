/**
 * prism-react-renderer with bash, which its forty bundled grammars lack and in which every step of
 * a walkthrough is written. What the server highlights with, and what a page loads for a block its
 * HTML did not draw (index.tsx); a page's first load carries neither (src/plugins/codeHighlight.ts).
 */
import { Prism } from 'rw-prism-react-renderer-real';

// prismjs' grammar files extend a global `Prism`, as Docusaurus's own language loader arranges it.
const scope = globalThis as { Prism?: unknown };
scope.Prism = Prism;
// A require, not an import: it must run after the global is set, and imports are hoisted.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('prismjs/components/prism-bash');
delete scope.Prism;

export * from 'rw-prism-react-renderer-real';
