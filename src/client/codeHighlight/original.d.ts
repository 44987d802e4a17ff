// The real prism-react-renderer, under the names src/plugins/codeHighlight.ts gives it: with the
// grammars this site adds (prismWithShell.ts), and as published.
declare module 'rw-prism-react-renderer' {
  export * from 'prism-react-renderer';
}
declare module 'rw-prism-react-renderer-real' {
  export * from 'prism-react-renderer';
}
