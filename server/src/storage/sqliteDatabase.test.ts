import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, SCHEMA_VERSION } from './sqliteDatabase.ts';

describe('SQLite schema migrations', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rebuilds the update log without AUTOINCREMENT, keeping every row and its order', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-migrate-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const old = openDatabase(file, SCHEMA_VERSION - 2);
    expect(old.prepare("SELECT sql FROM sqlite_master WHERE name = 'updates'").pluck().get()).toMatch(/AUTOINCREMENT/);
    old.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, 0, 0)').run('d', 'Nairobi');
    const insert = old.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)');
    for (const b of [1, 2, 3]) insert.run('d', Buffer.from([b]));
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT sql FROM sqlite_master WHERE name = 'updates'").pluck().get()).not.toMatch(/AUTOINCREMENT/);
    db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)').run('d', Buffer.from([4]));
    const rows = db.prepare<[], { seq: number; data: Buffer }>("SELECT seq, data FROM updates WHERE doc_id = 'd' ORDER BY seq").all();
    expect(rows.map((r) => [r.seq, r.data[0]])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 4],
    ]);
    // Still tied to its document.
    db.prepare("DELETE FROM documents WHERE id = 'd'").run();
    expect(db.prepare('SELECT count(*) FROM updates').pluck().get()).toBe(0);
    db.close();
  });

  it('drops the update log\'s index, keeping every row, and loads a document\'s rows in order without it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-migrate-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const old = openDatabase(file, SCHEMA_VERSION - 1);
    const indexes = (db: typeof old) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'updates' AND sql IS NOT NULL").pluck().all();
    expect(indexes(old)).toEqual(['updates_doc_seq']);
    for (const id of ['a', 'b']) old.prepare('INSERT INTO documents (id, title, created_at, updated_at) VALUES (?, ?, 0, 0)').run(id, id);
    const insert = old.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)');
    for (const b of [1, 2, 3, 4]) insert.run(b % 2 ? 'a' : 'b', Buffer.from([b]));
    old.close();

    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(indexes(db)).toEqual([]);
    db.prepare('INSERT INTO updates (doc_id, data) VALUES (?, ?)').run('a', Buffer.from([5]));
    const rows = db.prepare<[], { data: Buffer }>("SELECT data FROM updates WHERE doc_id = 'a' ORDER BY seq").all();
    expect(rows.map((r) => r.data[0])).toEqual([1, 3, 5]);
    db.close();
  });
});
