/**
 * Where this server's own cgroups are, from /proc: cgroup v2 when its unified hierarchy offers the
 * memory controller, else cgroup v1's memory (and pids, and cpu) hierarchies, else none (with the reason).
 * A v2 hierarchy without memory (a hybrid host that keeps memory on v1) does not count.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type CgroupRoots =
  | { readonly kind: 'v2'; readonly dir: string }
  | { readonly kind: 'v1'; readonly memory: string; readonly pids?: string; readonly cpu?: string }
  | { readonly kind: 'none'; readonly reason: string };

interface Mount {
  /** The part of the hierarchy mounted there (a container sees its own cgroup as /). */
  readonly root: string;
  readonly point: string;
  readonly type: string;
  readonly options: readonly string[];
}

/** `procSelf` is /proc/self; a test gives a folder of its own. */
export function findCgroupRoots(procSelf = '/proc/self'): CgroupRoots {
  let mounts: Mount[];
  let membership: string[];
  try {
    mounts = parseMountInfo(readFileSync(path.join(procSelf, 'mountinfo'), 'utf8'));
    membership = readFileSync(path.join(procSelf, 'cgroup'), 'utf8').split('\n');
  } catch (error) {
    return { kind: 'none', reason: `cannot read ${procSelf}: ${(error as Error).message}` };
  }
  const ownPath = (controller: string) => {
    for (const line of membership) {
      const [, controllers, own] = line.split(':');
      if (own !== undefined && controllers?.split(',').includes(controller)) return own;
    }
    return undefined;
  };

  const unified = mounts.find((mount) => mount.type === 'cgroup2');
  const unifiedOwn = membership.find((line) => line.startsWith('0::'))?.slice(3);
  if (unified && unifiedOwn !== undefined) {
    const dir = inMount(unified, unifiedOwn);
    if (controllersOf(dir).includes('memory')) return { kind: 'v2', dir };
  }

  const v1 = (controller: string) => {
    const mount = mounts.find((m) => m.type === 'cgroup' && m.options.includes(controller));
    const own = ownPath(controller);
    return mount && own !== undefined ? inMount(mount, own) : undefined;
  };
  const memory = v1('memory');
  if (memory) return { kind: 'v1', memory, pids: v1('pids'), cpu: v1('cpu') };
  return { kind: 'none', reason: 'no cgroup hierarchy with the memory controller is mounted' };
}

/** The folder of cgroup `own` (a path from the hierarchy's root) under a mount of part of it. */
function inMount(mount: Mount, own: string): string {
  const relative = path.relative(mount.root, own);
  return relative.startsWith('..') ? path.join(mount.point, own) : path.join(mount.point, relative);
}

function controllersOf(dir: string): string[] {
  try {
    return readFileSync(path.join(dir, 'cgroup.controllers'), 'utf8').trim().split(/\s+/);
  } catch {
    return [];
  }
}

/** mountinfo(5): `id parent major:minor root point options [optional...] - type source superOptions`. */
export function parseMountInfo(text: string): Mount[] {
  const mounts: Mount[] = [];
  for (const line of text.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!before || !after) continue;
    const [, , , root, point] = before.split(' ');
    const [type, , superOptions] = after.split(' ');
    if (!root || !point || !type) continue;
    mounts.push({
      root: unescapeOctal(root),
      point: unescapeOctal(point),
      type,
      options: (superOptions ?? '').split(','),
    });
  }
  return mounts;
}

/** Spaces and the like in a mount point are written as \040. */
function unescapeOctal(value: string): string {
  return value.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}
