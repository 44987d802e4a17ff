/**
 * Which kubeconfig each seat's workspace gets (read-only, as KUBECONFIG). One file for everyone
 * lets every attendee act in everyone's namespaces: allowed, but said loudly. A folder gives one
 * file per seat, in name order (seat 1 the first file): for example each bound to a service account
 * that may only touch that seat's namespaces (deploy/kubeconfigs/make-seat-kubeconfigs.sh).
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log';
import { UsageError } from '../launch/usageError';

export function kubeconfigChooser(
  options: { kubeconfig?: string; kubeconfigDir?: string },
  log: Logger,
): ((seat: number) => string | undefined) | undefined {
  if (options.kubeconfig && options.kubeconfigDir)
    throw new UsageError(
      'Give either --kubeconfig (one for all) or --kubeconfig-dir (one per seat), not both.',
    );
  if (options.kubeconfig) {
    const file = path.resolve(options.kubeconfig);
    if (!isFile(file)) throw new UsageError(`--kubeconfig ${options.kubeconfig} is not a file.`);
    log.warn(
      '!!! every workspace gets the SAME kubeconfig: any attendee can read, change and delete what the ' +
        'others (and you) made in those clusters. Prefer --kubeconfig-dir with one file per seat. !!!',
    );
    return () => file;
  }
  if (options.kubeconfigDir) {
    const dir = path.resolve(options.kubeconfigDir);
    const files = seatFiles(dir);
    if (files.length === 0) throw new UsageError(`--kubeconfig-dir ${options.kubeconfigDir} holds no files.`);
    log.info(`${files.length} per-seat kubeconfigs in ${dir}; seats beyond that get none`);
    return (seat) => files[seat - 1];
  }
  return undefined;
}

export function seatFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UsageError(`--kubeconfig-dir ${dir} is not a readable directory.`);
  }
  return names
    .filter((name) => !name.startsWith('.'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => path.join(dir, name))
    .filter(isFile);
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
