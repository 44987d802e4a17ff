/**
 * Never called: importing this module (a chunk of its own, with no xterm in it) makes the bundler
 * add `<link rel="prefetch">` for xterm's chunks (`webpackPrefetch`). The browser fetches them
 * into its cache when idle without running them, so the first Run loads xterm from the cache.
 */
export function xtermChunks(): Promise<unknown> {
  return Promise.all([
    import(/* webpackPrefetch: true */ '@xterm/xterm'),
    import(/* webpackPrefetch: true */ '@xterm/addon-fit'),
    import(/* webpackPrefetch: true */ '@xterm/addon-web-links'),
    import(/* webpackPrefetch: true */ '@xterm/addon-search'),
    import(/* webpackPrefetch: true */ '@xterm/xterm/css/xterm.css'),
  ]);
}
