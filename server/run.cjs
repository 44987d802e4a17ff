// Runs one of the server's TypeScript entry points (`node server/run.cjs server/cli.ts live …`) as
// JavaScript compiled ahead: esbuild bundles it into node_modules/.cache/rw-server/ on every start
// (a fraction of a second), and plain node runs that. Under `node --import tsx` the server carried
// tsx's loader thread and in-process compilation, about 35 MB of its ~95 MB resident at rest.
// A CommonJS file, because the package (and so the server's TypeScript) is CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
const { copyFileSync, mkdirSync, renameSync, writeFileSync } = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const BUNDLE_ONLY = '--bundle-only';
const bundleOnly = process.argv[2] === BUNDLE_ONLY;
const [entry, ...args] = process.argv.slice(bundleOnly ? 3 : 2);
if (!entry) {
  console.error('usage: node server/run.cjs <entry.ts> [arguments…]');
  process.exit(2);
}

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'node_modules', '.cache', 'rw-server');
const outFile = path.join(outDir, `${path.basename(entry, path.extname(entry))}.cjs`);
mkdirSync(outDir, { recursive: true });

/** Runs in a child process of its own: esbuild's code and its output never weigh on the server. */
async function bundle() {
  const esbuild = require('esbuild');
  const entryPoints = [path.resolve(entry)];
  // The full command line starts workshops, whose workspaces each run the terminal server alone:
  // a bundle of its own, a seventh of the size, parsed sixty times over (server/terminalsCli.ts).
  // Only for `workshop`: every other command would pay for a second bundle it never runs.
  if (process.env.RW_BUNDLE_TERMINALS === '1') entryPoints.push(path.join(root, 'server', 'terminalsCli.ts'));
  const result = await esbuild.build({
    entryPoints,
    bundle: true,
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    format: 'cjs',
    // Native addons: loaded from node_modules as they are (they find their .node file from there).
    // compression (and its MIME table): only the workshop's own server needs it, and `live` would
    // parse it at every start (~1 MB resident) if it were in the bundle.
    external: ['node-pty', 'better-sqlite3', 'compression'],
    outdir: outDir,
    entryNames: '[name]',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'linked',
    write: false,
    logLevel: 'warning',
  });
  await esbuild.stop();
  for (const file of result.outputFiles) place(file.path, (staged) => writeFileSync(staged, file.contents));
  // The shell integration reads its rc file beside its module: beside the bundle now.
  place(path.join(outDir, 'bashrc.sh'), (staged) =>
    copyFileSync(path.join(root, 'server', 'terminals', 'local', 'bashrc.sh'), staged),
  );
}

/** Written aside and renamed: several servers may start at once (tests), none may read half a file. */
function place(target, write) {
  const staged = `${target}.${process.pid}.tmp`;
  write(staged);
  renameSync(staged, target);
}

if (bundleOnly) {
  bundle().catch((error) => {
    console.error(`Could not compile ${entry}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
} else {
  const withTerminals = path.basename(entry) === 'cli.ts' && args[0] === 'workshop';
  const built = spawnSync(process.execPath, [__filename, BUNDLE_ONLY, entry], {
    stdio: 'inherit',
    env: { ...process.env, RW_BUNDLE_TERMINALS: withTerminals ? '1' : '0' },
  });
  if (built.status !== 0) process.exit(1);
  process.argv = [process.argv[0], outFile, ...args];
  require(outFile);
}
