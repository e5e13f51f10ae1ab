import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestDatabase } from '../../test/postgres.ts';
import { eventually } from '../../test/waiting.ts';
import { AppendJournal } from './appendJournal.ts';
import { PostgresStorage } from './postgresStorage.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

/** Real Yjs updates, each appending a word to the text 't'. */
function words(...list: string[]): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (const w of list) doc.getText('t').insert(doc.getText('t').length, w);
  return updates;
}

function textOf(state: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  for (const u of state.snapshot ? [state.snapshot, ...state.updates] : state.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

/** Resolves to whether `promise` settled within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  await new Promise((r) => setTimeout(r, ms));
  return settled;
}

describe('AppendJournal', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-journal-'));
    file = path.join(dir, 'append-journal.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps what was not forgotten across a restart, in order, and goes on numbering after it', async () => {
    const journal = AppendJournal.open(file);
    const appended = ['a', 'b', 'c', 'd'].map((id, i) => journal.append(id, bytes(i)));
    await Promise.all(appended.map((a) => a.written));
    expect(appended.map((a) => a.seq)).toEqual([1, 2, 3, 4]);
    // Forgotten out of order: 3 waits until 2 is forgotten too; 4 stays.
    journal.forget(1);
    journal.forget(3);
    journal.forget(2);
    expect(journal.size).toBe(1);
    await journal.close();

    const again = AppendJournal.open(file);
    expect(again.entries()).toEqual([{ seq: 4, id: 'd', update: bytes(3) }]);
    const next = again.append('e', bytes(9));
    await next.written;
    expect(next.seq).toBe(5);
    await again.close();
  });

  it('refuses a second process on the same file, saying why', async () => {
    const journal = AppendJournal.open(file);
    try {
      expect(() => AppendJournal.open(file)).toThrow(/in use by another server process: give each process its own DATA_DIR/);
    } finally {
      await journal.close();
    }
    // Once released, it opens.
    await AppendJournal.open(file).close();
  });

  it('moves an unreadable file aside, says where, and starts empty', async () => {
    fs.writeFileSync(file, 'this is not a SQLite database, it is a page of notes from the Nairobi workshop'.repeat(100));
    const reported: string[] = [];
    const journal = AppendJournal.open(file, (movedTo) => reported.push(movedTo));
    expect(journal.entries()).toEqual([]);
    await journal.close();
    expect(reported).toHaveLength(1);
    expect(fs.readFileSync(reported[0]!, 'utf8')).toContain('Nairobi workshop');
  });
});

describe('PostgreSQL storage with an append journal', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let dir: string;
  let journalFile: string;
  const closing: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    db = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-journal-'));
    journalFile = path.join(dir, 'append-journal.sqlite');
  });
  afterEach(async () => {
    for (const close of closing.splice(0).reverse()) await close();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** An admin connection holding a lock that makes every INSERT into the update log wait. */
  async function holdUpdateLog(): Promise<{ release: () => Promise<void>; admin: pg.Client }> {
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    await admin.query('BEGIN');
    await admin.query('LOCK TABLE updates IN EXCLUSIVE MODE');
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await admin.query('ROLLBACK');
      await admin.end();
    };
    closing.push(release);
    return { release, admin };
  }

  it('an update is stored once in the journal, while PostgreSQL cannot take it yet; loads wait until it is shared', async () => {
    const storage = await PostgresStorage.open(db.url, { journalFile });
    closing.push(() => storage.close());
    await storage.createDocument({ id: 'd', title: 'Dakar' });
    const [first, second] = words('Vision. ', 'Goals.');
    await storage.appendUpdate('d', first!).shared;

    const log = await holdUpdateLog();
    const receipt = storage.appendUpdate('d', second!);
    expect(await settlesWithin(receipt.stored, 500)).toBe(true);
    expect(await settlesWithin(receipt.shared, 300)).toBe(false);
    const loading = storage.loadState('d');
    expect(await settlesWithin(loading, 200)).toBe(false);

    await log.release();
    await receipt.shared;
    expect(textOf(await loading)).toBe('Vision. Goals.');
  });

  it('ships again after the append connection is cut mid-statement, without storing anything twice', async () => {
    const storage = await PostgresStorage.open(db.url, { journalFile });
    closing.push(() => storage.close());
    const lost: Error[] = [];
    storage.onAppendsMayBeLost((reason) => lost.push(reason));
    await storage.createDocument({ id: 'd', title: 'Accra' });
    const [first, second] = words('Akwaaba. ', 'Every learner counts.');
    await storage.appendUpdate('d', first!).shared;

    const log = await holdUpdateLog();
    const receipt = storage.appendUpdate('d', second!);
    await receipt.stored;
    // The INSERT is waiting for the lock: cut its connection, as a crash of PostgreSQL's backend would.
    await eventually(async () => {
      const cut = await log.admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lcs-appends'");
      expect(cut.rowCount).toBe(1);
    });
    await eventually(() => expect(lost).toHaveLength(1));
    expect(await settlesWithin(receipt.shared, 200)).toBe(false);
    await log.release();
    await receipt.shared;
    const state = await storage.loadState('d');
    expect(state.updates).toHaveLength(2);
    expect(textOf(state)).toBe('Akwaaba. Every learner counts.');
  });

  it('on opening, ships what a killed process left in its journal, drops what belongs to a deleted document, and names the documents', async () => {
    {
      const setup = await PostgresStorage.open(db.url);
      await setup.createDocument({ id: 'kept', title: 'Medellín' });
      await setup.close();
    }
    // The journal as a process killed before shipping would have left it.
    const left = AppendJournal.open(journalFile);
    const [a, b, c] = words('Una ', 'ciudad ', 'que aprende.');
    await Promise.all([left.append('kept', a!).written, left.append('deleted', bytes(0, 0)).written, left.append('kept', b!).written, left.append('kept', c!).written]);
    await left.close();

    const storage = await PostgresStorage.open(db.url, { journalFile });
    expect(storage.recoveredDocuments).toEqual(['kept']);
    expect(textOf(await storage.loadState('kept'))).toBe('Una ciudad que aprende.');
    await storage.close();
    const after = AppendJournal.open(journalFile);
    expect(after.entries()).toEqual([]);
    await after.close();
  });

  it('a storage closed while PostgreSQL cannot be reached keeps in its journal what it could not ship, and the next start ships it', async () => {
    const storage = await PostgresStorage.open(db.url, { journalFile });
    await storage.createDocument({ id: 'd', title: 'Kigali' });
    const log = await holdUpdateLog();
    const receipt = storage.appendUpdate('d', words('Umujyi wiga.')[0]!);
    await receipt.stored;
    receipt.shared.catch(() => undefined);
    const closed = storage.close();
    // Shutting down while the database is away: the append cannot be shipped now.
    await eventually(async () => {
      const cut = await log.admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lcs-appends'");
      expect(cut.rowCount).toBe(1);
    });
    await closed;
    await expect(receipt.shared).rejects.toThrow();
    await log.release();
    const probe = new pg.Client({ connectionString: db.url });
    await probe.connect();
    expect((await probe.query('SELECT count(*)::int AS n FROM updates')).rows[0].n).toBe(0);
    await probe.end();

    const reopened = await PostgresStorage.open(db.url, { journalFile });
    closing.push(() => reopened.close());
    expect(reopened.recoveredDocuments).toEqual(['d']);
    expect(textOf(await reopened.loadState('d'))).toBe('Umujyi wiga.');
  });
});
