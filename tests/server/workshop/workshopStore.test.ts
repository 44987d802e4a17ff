import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../server/workshop/state/database';
import { WorkshopStore } from '../../../server/workshop/state/workshopStore';

const dirs: string[] = [];
function freshDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'rw-store-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the workshop store', () => {
  it('keeps the same workshop, join code and instructor secret across a restart, and they differ', () => {
    const dir = freshDir();
    const first = openDatabase(dir);
    const identity = new WorkshopStore(first).identity();
    first.close();
    const again = openDatabase(dir);
    expect(new WorkshopStore(again).identity()).toEqual(identity);
    again.close();
    expect(identity.joinCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(identity.instructorSecret).not.toContain(identity.joinCode);
    expect(identity.instructorSecret.length).toBeGreaterThanOrEqual(40);
  });

  it('is a file only the server may read', () => {
    const dir = freshDir();
    openDatabase(dir).close();
    expect(statSync(path.join(dir, DATABASE_FILE)).mode & 0o077).toBe(0);
  });

  it('seats no more attendees than there are seats, and an ended attendee frees a seat', () => {
    const store = new WorkshopStore(openDatabase(freshDir()));
    const ann = store.join('Ann', 2);
    expect(store.join('Ben', 2)).toBeDefined();
    expect(store.join('Cy', 2)).toBeUndefined();
    store.endAttendee(ann!.id);
    expect(store.join('Cy', 2)?.displayName).toBe('Cy');
  });

  it('tells two attendees of one name apart: "Alice", "Alice (2)", "alice (3)"; a name that left is free again', () => {
    const store = new WorkshopStore(openDatabase(freshDir()));
    const first = store.join('Alice', 5)!;
    expect(first.displayName).toBe('Alice');
    expect(store.join('Alice', 5)?.displayName).toBe('Alice (2)');
    expect(store.join('alice', 5)?.displayName).toBe('alice (3)');
    store.endAttendee(first.id);
    expect(store.join('Alice', 5)?.displayName).toBe('Alice');
  });

  it('tells an active session from a forged, an expired and an ended one', () => {
    const store = new WorkshopStore(openDatabase(freshDir()));
    const ann = store.join('Ann', 5)!;
    const now = 1_000_000;
    const token = store.openSession(ann.id, now + 60_000, now);
    expect(store.session(token, now)).toMatchObject({ status: 'active', attendee: { id: ann.id } });
    expect(store.session(`${token}x`, now).status).toBe('unknown');
    expect(store.session(undefined, now).status).toBe('unknown');
    expect(store.session(token, now + 60_000).status).toBe('expired');
    store.endAttendee(ann.id);
    expect(store.session(token, now).status).toBe('ended');
  });

  it('stores session tokens only as digests', () => {
    const db = openDatabase(freshDir());
    const store = new WorkshopStore(db);
    const token = store.openSession(store.join('Ann', 5)!.id, Date.now() + 1000);
    const rows = db.prepare('SELECT digest FROM sessions').all() as { digest: string }[];
    expect(rows.map((row) => row.digest)).not.toContain(token);
    expect(rows).toHaveLength(1);
  });

  it('records each step’s latest state per attendee, with its page, and when it started', () => {
    const dir = freshDir();
    const store = new WorkshopStore(openDatabase(dir));
    const ann = store.join('Ann', 5)!;
    store.recordStep(ann.id, 'deploy/create-project', 'running', null, 100);
    store.recordStep(ann.id, 'deploy/create-project', 'failed', 1, 150);
    const reopened = new WorkshopStore(openDatabase(dir));
    expect(reopened.progress(ann.id)).toEqual([
      {
        attendeeId: ann.id,
        stepId: 'deploy/create-project',
        pageId: 'deploy',
        state: 'failed',
        exitCode: 1,
        startedAt: 100,
        updatedAt: 150,
      },
    ]);
    expect(reopened.attendee(ann.id)?.lastActivity).toBe(150);
  });
});
