// A small flag parser shaped like cobra's (what oc and skupper use): `--flag value`, `--flag=value`,
// `-f value`, booleans, and positionals in any order.
import { fail } from './state.mjs';

/**
 * @param {string} tool the fake's name, for messages
 * @param {string[]} argv
 * @param {{ values?: Record<string, string>, booleans?: Record<string, string> }} spec alias -> canonical name
 */
export function parseArgs(tool, argv, spec) {
  const values = spec.values ?? {};
  const booleans = spec.booleans ?? {};
  const flags = {};
  const positionals = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in booleans) {
      flags[booleans[name]] = eq > 0 ? arg.slice(eq + 1) !== 'false' : true;
    } else if (name in values) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) fail(`error: flag needs an argument: ${name}`);
      flags[values[name]] = value;
    } else {
      fail(`fake ${tool}: flag "${name}" is not simulated (tests/fakes/README.md lists what is).`, 2);
    }
  }
  return { flags, positionals };
}
