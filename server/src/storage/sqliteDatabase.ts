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
  // The update log without AUTOINCREMENT, which costs every append a write to sqlite_sequence (about
  // a quarter of an append's CPU). Row ids may now be reused after a compaction deleted the newest
  // rows, which is harmless: a new row's id is still above every row present, so the log keeps its
  // order, and a compaction deletes, in its own transaction, only rows it has just read.
  `CREATE TABLE updates_log (
     seq INTEGER PRIMARY KEY,
     doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
     data BLOB NOT NULL
   );
   INSERT INTO updates_log (seq, doc_id, data) SELECT seq, doc_id, data FROM updates;
   DROP TABLE updates;
   ALTER TABLE updates_log RENAME TO updates;
   CREATE INDEX updates_doc_seq ON updates (doc_id, seq);
   DELETE FROM sqlite_sequence WHERE name = 'updates';`,
  // The update log without its (doc_id, seq) index: every append wrote a page of the index beside
  // the table's (one 4 KB WAL frame more per commit; 34.6 against 23.6 µs of CPU per commit,
  // measured alone with polluted caches), while the index is read only to load a document's rows,
  // which sit interleaved with other documents' rows anyway: reading one document's rows out of
  // 50,000 took 3.2 ms with it and 6.4 ms without (0.7 and 0.8 ms out of 10,000), and compaction
  // from memory no longer reads them.
  `DROP INDEX updates_doc_seq;`,
];

/** Number of schema versions; a database at this `user_version` is up to date. */
export const SCHEMA_VERSION = migrations.length;

/**
 * Opens (creating if needed) a SQLite database in WAL mode and brings its schema up to date (or, for
 * tests of a migration, up to `targetVersion`).
 */
export function openDatabase(file: string, targetVersion = SCHEMA_VERSION): Database.Database {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let v = current; v < targetVersion; v++) {
      db.exec(migrations[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }
  })();
  return db;
}
