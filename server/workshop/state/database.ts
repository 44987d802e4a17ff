/**
 * The workshop's state, in one SQLite file under the data directory: what a restarted server (even
 * after kill -9) needs to find its attendees, their sessions and their progress. WAL mode: every
 * committed write survives the process being killed; readers never wait for the writer.
 */
import Database from 'better-sqlite3';
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export type WorkshopDatabase = Database.Database;

export const DATABASE_FILE = 'workshop.sqlite';

/** Each entry moves the schema one version up; applied in order, once, inside a transaction. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workshop (
     id TEXT PRIMARY KEY,
     join_code TEXT NOT NULL,
     instructor_secret TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE attendees (
     id TEXT PRIMARY KEY,
     display_name TEXT NOT NULL,
     joined_at INTEGER NOT NULL,
     last_activity INTEGER NOT NULL,
     ended_at INTEGER
   );
   CREATE TABLE sessions (
     digest TEXT PRIMARY KEY,
     attendee_id TEXT NOT NULL REFERENCES attendees(id),
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     ended_at INTEGER
   );
   CREATE INDEX sessions_by_attendee ON sessions(attendee_id);
   CREATE TABLE progress (
     attendee_id TEXT NOT NULL REFERENCES attendees(id),
     step_id TEXT NOT NULL,
     page_id TEXT NOT NULL,
     state TEXT NOT NULL,
     exit_code INTEGER,
     started_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL,
     PRIMARY KEY (attendee_id, step_id)
   );
   CREATE TABLE local_workspaces (
     seat INTEGER PRIMARY KEY AUTOINCREMENT,
     attendee_id TEXT NOT NULL UNIQUE,
     workshop_id TEXT NOT NULL,
     display_name TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     pid INTEGER,
     start_time INTEGER
   );`,
];

/**
 * Opens (creating if needed) the database in `dataDir`. The directory may be passed through
 * (0711: a workspace user reaches its own home in it) but not listed; the file is the server's
 * alone (0600, and SQLite gives its -wal and -shm files the same mode).
 */
export function openDatabase(dataDir: string): WorkshopDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o711 });
  chmodSync(dataDir, 0o711);
  const file = path.join(dataDir, DATABASE_FILE);
  const db = new Database(file);
  chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: WorkshopDatabase): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length)
    throw new Error(
      `The workshop data was written by a newer version (schema ${current}); use that version or another --data-dir.`,
    );
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version] ?? '');
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
