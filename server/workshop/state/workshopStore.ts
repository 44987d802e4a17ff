/**
 * What the workshop server remembers, over the SQLite file: the workshop's own secrets, its
 * attendees, their sessions and the progress of their steps. Session tokens are stored as digests:
 * the file alone lets nobody in.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { WorkshopDatabase } from './database';

export interface WorkshopIdentity {
  readonly id: string;
  /** Short, typed or scanned by attendees: it lets people join, nothing else. */
  readonly joinCode: string;
  /** Long, the instructor's alone: it opens the dashboard. Separate from the join code on purpose. */
  readonly instructorSecret: string;
}

export interface Attendee {
  readonly id: string;
  readonly displayName: string;
  readonly joinedAt: number;
  readonly lastActivity: number;
  readonly endedAt: number | null;
}

export type SessionLookup =
  | { readonly status: 'active'; readonly attendee: Attendee; readonly expiresAt: number }
  | { readonly status: 'expired' | 'ended' | 'unknown' };

export interface StepProgress {
  readonly attendeeId: string;
  readonly stepId: string;
  readonly pageId: string;
  readonly state: string;
  readonly exitCode: number | null;
  readonly startedAt: number;
  readonly updatedAt: number;
}

// No 0/O, 1/I/L: read aloud or copied from a projector.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newJoinCode(length = 6): string {
  const bytes = randomBytes(length);
  return [...bytes].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

export function digest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

interface AttendeeRow {
  id: string;
  display_name: string;
  joined_at: number;
  last_activity: number;
  ended_at: number | null;
}

const toAttendee = (row: AttendeeRow): Attendee => ({
  id: row.id,
  displayName: row.display_name,
  joinedAt: row.joined_at,
  lastActivity: row.last_activity,
  endedAt: row.ended_at,
});

export class WorkshopStore {
  constructor(private readonly db: WorkshopDatabase) {}

  /** The workshop of this data directory: made at the first start, the same after every restart. */
  identity(): WorkshopIdentity {
    const existing = this.db.prepare('SELECT * FROM workshop LIMIT 1').get() as
      { id: string; join_code: string; instructor_secret: string } | undefined;
    if (existing)
      return { id: existing.id, joinCode: existing.join_code, instructorSecret: existing.instructor_secret };
    const identity = {
      id: randomBytes(6).toString('hex'),
      joinCode: newJoinCode(),
      instructorSecret: randomBytes(32).toString('base64url'),
    };
    this.db
      .prepare('INSERT INTO workshop (id, join_code, instructor_secret, created_at) VALUES (?, ?, ?, ?)')
      .run(identity.id, identity.joinCode, identity.instructorSecret, Date.now());
    return identity;
  }

  /** Attendees holding a seat (not ended). */
  activeAttendees(): Attendee[] {
    const rows = this.db
      .prepare('SELECT * FROM attendees WHERE ended_at IS NULL ORDER BY joined_at')
      .all() as AttendeeRow[];
    return rows.map(toAttendee);
  }

  attendee(id: string): Attendee | undefined {
    const row = this.db.prepare('SELECT * FROM attendees WHERE id = ?').get(id) as AttendeeRow | undefined;
    return row && toAttendee(row);
  }

  /**
   * Seats one more attendee, unless `seats` are taken: the check and the insert are one
   * transaction, so sixty people pressing Join at once cannot make sixty-one.
   */
  join(displayName: string, seats: number, now = Date.now()): Attendee | undefined {
    return this.db.transaction(() => {
      const taken = this.db.prepare('SELECT COUNT(*) AS n FROM attendees WHERE ended_at IS NULL').get() as {
        n: number;
      };
      if (taken.n >= seats) return undefined;
      const id = `a-${randomBytes(8).toString('hex')}`;
      this.db
        .prepare('INSERT INTO attendees (id, display_name, joined_at, last_activity) VALUES (?, ?, ?, ?)')
        .run(id, this.unusedName(displayName), now, now);
      return this.attendee(id);
    })();
  }

  /**
   * Two people in a room called Alice (or one, joining again from another device) are two rows on
   * the dashboard: the second is "Alice (2)", so the instructor can tell them apart.
   */
  private unusedName(displayName: string): string {
    const taken = new Set(
      (
        this.db.prepare('SELECT display_name FROM attendees WHERE ended_at IS NULL').all() as {
          display_name: string;
        }[]
      ).map((row) => row.display_name.toLowerCase()),
    );
    let name = displayName;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) name = `${displayName} (${n})`;
    return name;
  }

  /** Opens a session; the returned token goes into the cookie and nowhere else. */
  openSession(attendeeId: string, expiresAt: number, now = Date.now()): string {
    const token = randomBytes(32).toString('base64url');
    this.db
      .prepare('INSERT INTO sessions (digest, attendee_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(digest(token), attendeeId, now, expiresAt);
    return token;
  }

  session(token: string | undefined, now = Date.now()): SessionLookup {
    if (!token) return { status: 'unknown' };
    const row = this.db
      .prepare(
        `SELECT s.expires_at, s.ended_at AS session_ended, a.* FROM sessions s
         JOIN attendees a ON a.id = s.attendee_id WHERE s.digest = ?`,
      )
      .get(digest(token)) as (AttendeeRow & { expires_at: number; session_ended: number | null }) | undefined;
    if (!row) return { status: 'unknown' };
    if (row.session_ended !== null || row.ended_at !== null) return { status: 'ended' };
    if (row.expires_at <= now) return { status: 'expired' };
    return { status: 'active', attendee: toAttendee(row), expiresAt: row.expires_at };
  }

  /** Sessions past their end that still hold a seat: the lifetime sweep ends them. */
  expiredAttendees(now = Date.now()): Attendee[] {
    const rows = this.db
      .prepare(
        `SELECT a.* FROM attendees a WHERE a.ended_at IS NULL AND NOT EXISTS
           (SELECT 1 FROM sessions s WHERE s.attendee_id = a.id AND s.ended_at IS NULL AND s.expires_at > ?)`,
      )
      .all(now) as AttendeeRow[];
    return rows.map(toAttendee);
  }

  /** Ends an attendee's sessions and frees the seat (the instructor's "end", or expiry). */
  endAttendee(attendeeId: string, now = Date.now()): void {
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE sessions SET ended_at = ? WHERE attendee_id = ? AND ended_at IS NULL')
        .run(now, attendeeId);
      this.db
        .prepare('UPDATE attendees SET ended_at = ? WHERE id = ? AND ended_at IS NULL')
        .run(now, attendeeId);
    })();
  }

  touch(attendeeId: string, now = Date.now()): void {
    this.db.prepare('UPDATE attendees SET last_activity = ? WHERE id = ?').run(now, attendeeId);
  }

  recordStep(
    attendeeId: string,
    stepId: string,
    state: string,
    exitCode: number | null,
    now = Date.now(),
  ): void {
    const pageId = stepId.includes('/') ? stepId.slice(0, stepId.lastIndexOf('/')) : '';
    this.db
      .prepare(
        `INSERT INTO progress (attendee_id, step_id, page_id, state, exit_code, started_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (attendee_id, step_id) DO UPDATE SET state = excluded.state, exit_code = excluded.exit_code,
           updated_at = excluded.updated_at,
           started_at = CASE WHEN excluded.state = 'running' THEN excluded.started_at ELSE progress.started_at END`,
      )
      .run(attendeeId, stepId, pageId, state, exitCode, now, now);
    this.touch(attendeeId, now);
  }

  progress(attendeeId?: string): StepProgress[] {
    const rows = (
      attendeeId === undefined
        ? this.db.prepare('SELECT * FROM progress ORDER BY updated_at').all()
        : this.db.prepare('SELECT * FROM progress WHERE attendee_id = ? ORDER BY updated_at').all(attendeeId)
    ) as {
      attendee_id: string;
      step_id: string;
      page_id: string;
      state: string;
      exit_code: number | null;
      started_at: number;
      updated_at: number;
    }[];
    return rows.map((row) => ({
      attendeeId: row.attendee_id,
      stepId: row.step_id,
      pageId: row.page_id,
      state: row.state,
      exitCode: row.exit_code,
      startedAt: row.started_at,
      updatedAt: row.updated_at,
    }));
  }

  resetProgress(attendeeId: string): void {
    this.db.prepare('DELETE FROM progress WHERE attendee_id = ?').run(attendeeId);
  }
}
