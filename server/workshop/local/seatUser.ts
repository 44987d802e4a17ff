/**
 * A seat's user has no entry in the host's /etc/passwd (it exists only as a number), and programs
 * ask for one: node's os.userInfo(), bash's prompt, ssh. Each sandbox gets a passwd and group file
 * of its own: the host's, plus the seat's user named `attendee`.
 */
import { chmodSync, chownSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SeatIdentity {
  readonly passwd: string;
  readonly group: string;
}

export function writeSeatIdentity(dir: string, uid: number, home: string): SeatIdentity {
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  const passwd = path.join(dir, `passwd-${uid}`);
  const group = path.join(dir, `group-${uid}`);
  writeFileSync(
    passwd,
    `${read('/etc/passwd')}attendee:x:${uid}:${uid}:Workshop attendee:${home}:/bin/bash\n`,
    {
      mode: 0o644,
    },
  );
  writeFileSync(group, `${read('/etc/group')}attendee:x:${uid}:\n`, { mode: 0o644 });
  return { passwd, group };
}

function read(file: string): string {
  const text = readFileSync(file, 'utf8');
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

/**
 * A seat's own copy of its kubeconfig, readable by the seat's user alone, inside the data directory
 * (which the sandboxes cannot see): the instructor's folder may then stay private to the instructor.
 */
export function copySeatKubeconfig(
  dir: string,
  seat: number,
  source: string,
  uid: number | undefined,
): string {
  mkdirSync(dir, { recursive: true, mode: 0o711 });
  const target = path.join(dir, `kubeconfig-${seat}`);
  copyFileSync(source, target);
  chmodSync(target, 0o400);
  if (uid !== undefined) chownSync(target, uid, uid);
  return target;
}
