// The real prism-react-renderer, under the name src/plugins/codeHighlight.ts gives it in the browser
// bundle (its own name is aliased to this folder there).
declare module 'rw-prism-react-renderer' {
  export * from 'prism-react-renderer';
}
