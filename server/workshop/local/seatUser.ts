/**
 * A seat's user has no entry in the host's /etc/passwd (it exists only as a number), and programs
 * ask for one: node's os.userInfo(), bash's prompt, ssh. Each sandbox gets a passwd and group file
 * of its own: the host's, plus the seat's user named `attendee`.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
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
