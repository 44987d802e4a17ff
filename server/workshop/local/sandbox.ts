/**
 * The bubblewrap sandbox a workspace's terminal server (and so every shell of it) runs in: the
 * system read-only, a private /tmp, its own pid namespace (it cannot see or signal anyone else's
 * processes), and a view of the file system from which the workshop's data directory (the SQLite
 * file, every other attendee's home) and the instructor's own home are hidden; only this attendee's
 * home is mounted back, writable, at the same path.
 */
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

export const BWRAP = '/usr/bin/bwrap';

export interface SandboxLayout {
  /** The attendee's persistent home: visible inside at this same path, writable. */
  readonly home: string;
  /** The workshop's data directory: hidden whole (the home above is mounted back into it). */
  readonly dataDir: string;
  /** The server user's home, hidden unless the project lives in it (then the project stays, read-only). */
  readonly serverHome: string;
  /** The project (its node_modules run the terminal server): must stay readable. */
  readonly projectRoot: string;
  /** Mounted read-only at KUBECONFIG_PATH when given. */
  readonly kubeconfig?: string;
  /** The seat user's passwd and group files, mounted over the host's. */
  readonly identity?: { readonly passwd: string; readonly group: string };
}

/** Where a seat's kubeconfig appears inside the sandbox (KUBECONFIG points there). */
export const KUBECONFIG_PATH = '/tmp/.workshop/kubeconfig';

export function hasBubblewrap(): boolean {
  try {
    accessSync(BWRAP, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** bwrap's arguments up to (and including) the `--` before the command. Later mounts cover earlier ones. */
export function sandboxArguments(layout: SandboxLayout): string[] {
  const args = ['--ro-bind', '/', '/', '--dev', '/dev', '--proc', '/proc', '--tmpfs', '/tmp'];
  // A checkout under /tmp (a CI clone, a quick try) would vanish under the private /tmp: put it back.
  if (isInside(layout.projectRoot, '/tmp')) args.push('--ro-bind', layout.projectRoot, layout.projectRoot);
  if (!isInside(layout.serverHome, layout.dataDir) && layout.serverHome !== '/') {
    args.push('--tmpfs', layout.serverHome);
    if (isInside(layout.projectRoot, layout.serverHome))
      args.push('--ro-bind', layout.projectRoot, layout.projectRoot);
  }
  args.push('--tmpfs', layout.dataDir, '--bind', layout.home, layout.home);
  if (layout.kubeconfig) args.push('--ro-bind', layout.kubeconfig, KUBECONFIG_PATH);
  if (layout.identity)
    args.push(
      '--ro-bind',
      layout.identity.passwd,
      '/etc/passwd',
      '--ro-bind',
      layout.identity.group,
      '/etc/group',
    );
  args.push(
    '--chdir',
    layout.home,
    '--setenv',
    'HOME',
    layout.home,
    '--unshare-all',
    // The attendee's `oc` must reach the clusters; other workspaces' ports need their own tokens.
    '--share-net',
    '--die-with-parent',
    '--new-session',
    '--',
  );
  return args;
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Whether workspaces may start: a sandbox needs bubblewrap; without one (`--no-sandbox`) every
 * attendee can read every other's files, which only a room of people who trust each other accepts.
 */
export function sandboxVerdict(
  sandbox: boolean,
): { ok: true; warning?: string } | { ok: false; message: string } {
  if (!sandbox)
    return {
      ok: true,
      warning:
        "!!! --no-sandbox: attendees' shells run unconfined as this server's user: each can read and " +
        'change everything the others (and you) can. Use it only for a room of people you trust. !!!',
    };
  if (hasBubblewrap()) return { ok: true };
  return {
    ok: false,
    message:
      `The workshop needs bubblewrap (${BWRAP}) to keep attendees apart: install it ` +
      '(Debian/Ubuntu: sudo apt-get install bubblewrap; Fedora: sudo dnf install bubblewrap), ' +
      'or pass --no-sandbox for a room of people you trust.',
  };
}
