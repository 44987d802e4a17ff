/**
 * wetty, the peer a reader would pick instead: installed by the bench with npm into a temporary
 * folder (never a dependency of this project), reused by later bench runs while it is intact.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lastLines, runCommand as run } from './runCommand';

export type WettyInstall =
  { ok: true; dir: string; entry: string; version: string } | { ok: false; reason: string };

export async function installWetty(
  spec: string,
  dir: string | undefined,
  log: (line: string) => void,
): Promise<WettyInstall> {
  const folder = dir ?? path.join(os.tmpdir(), `rw-bench-wetty-${spec.replace(/[^a-z0-9.]+/gi, '-')}`);
  const entry = path.join(folder, 'node_modules', 'wetty', 'build', 'main.js');
  if (!existsSync(entry)) {
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      path.join(folder, 'package.json'),
      JSON.stringify({ name: 'rw-bench-wetty', private: true }),
    );
    log(`npm install ${spec} in ${folder} (not a project dependency)`);
    const result = await run('npm', ['install', '--no-audit', '--no-fund', spec], folder, 600_000);
    if (result.code !== 0 || !existsSync(entry)) {
      return {
        ok: false,
        reason: `npm install ${spec} failed (${result.code}): ${lastLines(result.output)}`,
      };
    }
  }
  const check = await run(process.execPath, [entry, '--version'], folder, 30_000);
  if (check.code !== 0) return { ok: false, reason: `wetty --version failed: ${lastLines(check.output)}` };
  return { ok: true, dir: folder, entry, version: check.output.trim() };
}
