#!/usr/bin/env node
// The `rehearse-walkthrough` command: the server is TypeScript run unbuilt, so tsx loads the CLI.
// A CommonJS file, because the package (and so the server's TypeScript) is CommonJS.
/* eslint-disable @typescript-eslint/no-require-imports */
require('tsx/cjs/api').register();
require('./cli.ts');
