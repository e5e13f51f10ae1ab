import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { directoryMigration, templatesMigration } from '../directory/sqliteDirectory.ts';

/** Schema migrations, applied in order inside one transaction; `user_version` records progress. */
const migrations: string[] = [
  `CREATE TABLE documents (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     data BLOB NOT NULL
   );
   CREATE INDEX updates_doc_seq ON updates (doc_id, seq);
   CREATE TABLE snapshots (
     doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
     data BLOB NOT NULL,
     updated_at INTEGER NOT NULL
   );`,
  directoryMigration,
  templatesMigration,
];

/** Opens (creating if needed) a SQLite database in WAL mode and brings its schema up to date. */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = current; v < migrations.length; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
  return db;
}
