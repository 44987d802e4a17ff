/**
 * Where each attendee's HOME lives in the data directory, made so that only the seat's own user can
 * enter it while every seat's user can pass through the folders above.
 */
import { chownSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** A seat's user must be able to pass through every folder above its home (it may list none of them). */
export function assertTraversable(dataDir: string): void {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0)
      throw new Error(
        `Workspaces run as users of their own and cannot pass through ${dir} to reach their homes in ` +
          `${dataDir}: choose a --data-dir outside it, or allow passing through (chmod o+x ${dir}).`,
      );
  }
}

export function homeOf(dataDir: string, attendeeId: string): string {
  return path.join(dataDir, 'homes', attendeeId);
}

/** Makes the attendee's HOME (kept across restarts), owned by the seat's user when seats have users. */
export function prepareHome(dataDir: string, attendeeId: string, seatUid: number | undefined): string {
  const home = homeOf(dataDir, attendeeId);
  mkdirSync(path.dirname(home), { recursive: true, mode: 0o711 });
  mkdirSync(home, { recursive: true, mode: 0o700 });
  if (seatUid !== undefined) chownSync(home, seatUid, seatUid);
  return home;
}
