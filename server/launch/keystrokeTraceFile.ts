/**
 * RW_KEYSTROKE_TRACE=<file>: the server appends one JSON line per keystroke with its hop times
 * (server/terminals/core/keystrokeTrace.ts), for `npm run bench:keystroke`. Unset, nothing is traced.
 */
import { createWriteStream } from 'node:fs';
import { installKeystrokeTrace } from '../terminals/core/keystrokeTrace';
import type { Logger } from '../log';

export function traceKeystrokesFromEnvironment(log: Logger, env: NodeJS.ProcessEnv = process.env): void {
  const file = env.RW_KEYSTROKE_TRACE;
  if (!file) return;
  const out = createWriteStream(file, { flags: 'a' });
  out.on('error', (error) => {
    log.warn(`keystroke trace: cannot write ${file}: ${error.message}; tracing stops`);
    installKeystrokeTrace(undefined);
  });
  installKeystrokeTrace((hops) => out.write(`${JSON.stringify(hops)}\n`));
  log.info(`keystroke trace: timing every keystroke into ${file}`);
}
