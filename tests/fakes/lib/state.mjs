// Where the simulated clusters keep their state: one directory named by FAKE_CLUSTERS_DIR, so that
// every test gets clusters of its own and nothing touches the machine's real ~/.kube or ~/.crc.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export class FakeExit extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

/** Ends the fake with a message on stderr, the way the real CLI reports a refusal. */
export function fail(message, code = 1) {
  throw new FakeExit(code, message);
}

export function stateDir(tool) {
  const dir = process.env.FAKE_CLUSTERS_DIR;
  if (!dir) {
    fail(
      `fake ${tool}: FAKE_CLUSTERS_DIR is not set. This ${tool} is a test double (tests/fakes/README.md) ` +
        'and keeps its simulated clusters in that directory: set it to an empty temp dir.',
      2,
    );
  }
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function readJson(path, fallback) {
  if (!existsSync(path)) return fallback;
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Write-then-rename, so that a fake running in another terminal never reads half a file. */
export function writeJson(path, value) {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(temp, path);
}

export function statePath(tool, name) {
  return join(stateDir(tool), name);
}

/** Runs a fake's main; turns FakeExit into stderr + exit code and anything else into a loud crash. */
export async function runFake(tool, main) {
  try {
    const code = await main(process.argv.slice(2));
    process.exitCode = code ?? 0;
  } catch (error) {
    if (error instanceof FakeExit) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = error.code;
      return;
    }
    process.stderr.write(`fake ${tool} crashed (a bug in tests/fakes): ${error?.stack ?? error}\n`);
    process.exitCode = 70;
  }
}

/** A subcommand the walkthrough does not use: say so, naming the fake, so a gap is obvious. */
export function notSimulated(tool, argv) {
  fail(
    `fake ${tool}: "${[tool, ...argv].join(' ')}" is not simulated. This ${tool} is a test double ` +
      '(tests/fakes/README.md lists what it implements).',
    2,
  );
}
