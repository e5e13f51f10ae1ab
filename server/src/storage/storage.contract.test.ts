import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { createTestDatabase } from '../../test/postgres.ts';
import { MemoryStorage } from './memoryStorage.ts';
import { PostgresStorage } from './postgresStorage.ts';
import { SqliteStorage } from './sqliteStorage.ts';
import type { Storage } from './storage.ts';

interface Backend {
  storage: Storage;
  /** Opens the same store again (absent for memory, which cannot outlive its object). */
  reopen?: () => Promise<Storage>;
  cleanup: () => Promise<void> | void;
}

/** Every backend must pass the same contract. */
const backends: { name: string; make: () => Promise<Backend> }[] = [
  { name: 'memory', make: async () => ({ storage: new MemoryStorage(), cleanup: () => {} }) },
  {
    name: 'sqlite',
    make: async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-storage-'));
      const file = path.join(dir, 'db.sqlite');
      return { storage: new SqliteStorage(file), reopen: async () => new SqliteStorage(file), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
    },
  },
  {
    name: 'postgres',
    make: async () => {
      const db = await createTestDatabase();
      return { storage: await PostgresStorage.open(db.url), reopen: () => PostgresStorage.open(db.url), cleanup: db.drop };
    },
  },
];

/** Builds a sequence of real Yjs updates from one client editing text. */
function buildEdits(count: number, clientID = 1): { updates: Uint8Array[]; text: string } {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const text = doc.getText('t');
  for (let i = 0; i < count; i++) {
    text.insert(text.length, `w${i} `);
    if (i % 3 === 2) text.delete(0, 2);
  }
  return { updates, text: text.toString() };
}

function textOf(state: { snapshot: Uint8Array | null; updates: Uint8Array[] }): string {
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

describe.each(backends)('$name storage', ({ name, make }) => {
  let ctx: Backend;
  beforeEach(async () => {
    ctx = await make();
  });
  afterEach(async () => {
    await ctx.storage.close();
    await ctx.cleanup();
  });

  it('creates, lists newest-touched first and reads documents', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'a', title: 'Nairobi learning city' });
    await storage.createDocument({ id: 'b', title: 'الرباط مدينة التعلم' });
    await storage.touchDocument('a', new Date(Date.now() + 60_000));
    expect((await storage.listDocuments()).map((d) => d.id)).toEqual(['a', 'b']);
    expect((await storage.getDocument('b'))?.title).toBe('الرباط مدينة التعلم');
    expect(await storage.getDocument('zzz')).toBeUndefined();
  });

  it('round-trips appended updates in order', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    const { updates, text } = buildEdits(20);
    for (const u of updates) await storage.appendUpdate('d', u);
    const state = await storage.loadState('d');
    expect(state.updates).toHaveLength(updates.length);
    expect(state.updates.map((u) => Array.from(u))).toEqual(updates.map((u) => Array.from(u)));
    expect(textOf(state)).toBe(text);
  });

  it('stores any bytes, of any size, under any document id, and a failed append leaves the next one working', async () => {
    const { storage } = ctx;
    const id = 'stratégie-Île-✓-北京';
    await storage.createDocument({ id, title: 'Non-ASCII' });
    const large = new Uint8Array(1 << 20).map((_, i) => (i * 7919) % 251);
    const updates = [Uint8Array.of(0), Uint8Array.of(0, 255, 0, 92, 39), large, Uint8Array.of(1, 2, 3)];
    const seqs: number[] = [];
    for (const [i, u] of updates.entries()) {
      seqs.push(await storage.appendUpdate(id, u));
      // One at a time, each alone in its write, with a failure between two of them.
      if (i === 1) await expect(storage.appendUpdate('no such document', u)).rejects.toThrow();
    }
    const state = await storage.loadState(id);
    expect(state.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.map((u) => Buffer.from(u).toString('hex')));
    expect(state.seqs).toEqual(seqs);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('stores appends issued at once, across documents, in the order they were issued', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    await storage.createDocument({ id: 'e', title: 'E' });
    const d = buildEdits(30, 1);
    const e = buildEdits(30, 2);
    const settled: string[] = [];
    await Promise.all(
      d.updates.flatMap((u, i) => [
        storage.appendUpdate('d', u).then(() => settled.push(`d${i}`)),
        storage.appendUpdate('e', e.updates[i]!).then(() => settled.push(`e${i}`)),
      ]),
    );
    expect(settled).toEqual(d.updates.flatMap((_, i) => [`d${i}`, `e${i}`]));
    const [stateD, stateE] = [await storage.loadState('d'), await storage.loadState('e')];
    expect(stateD.updates.map((u) => Array.from(u))).toEqual(d.updates.map((u) => Array.from(u)));
    expect(stateE.updates.map((u) => Array.from(u))).toEqual(e.updates.map((u) => Array.from(u)));
    expect(textOf(stateD)).toBe(d.text);
  });

  it('fails only the append for a document that does not exist when others are issued with it', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    const { updates } = buildEdits(3);
    const results = await Promise.allSettled([storage.appendUpdate('d', updates[0]!), storage.appendUpdate('gone', updates[1]!), storage.appendUpdate('d', updates[2]!)]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((await storage.loadState('d')).updates.map((u) => Array.from(u))).toEqual([updates[0]!, updates[2]!].map((u) => Array.from(u)));
  });

  it('compaction yields the same document as the uncompacted log, and later appends stack on top', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    const { updates, text } = buildEdits(60);
    for (const u of updates.slice(0, 40)) await storage.appendUpdate('d', u);
    const before = textOf(await storage.loadState('d'));
    const result = await storage.compact('d');
    expect(result.merged).toBe(40);
    const compacted = await storage.loadState('d');
    expect(compacted.updates).toHaveLength(0);
    expect(compacted.snapshot).not.toBeNull();
    expect(textOf(compacted)).toBe(before);
    for (const u of updates.slice(40)) await storage.appendUpdate('d', u);
    await storage.compact('d');
    expect(textOf(await storage.loadState('d'))).toBe(text);
  });

  it('compaction of an empty log changes nothing', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    expect((await storage.compact('d')).merged).toBe(0);
    expect(await storage.loadState('d')).toEqual({ snapshot: null, updates: [], stamp: null, seqs: [] });
  });

  it("numbers appends: each resolves with its row's sequence number, which loading reports beside the update", async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    await storage.createDocument({ id: 'e', title: 'E' });
    const { updates } = buildEdits(6);
    // Issued at once, across documents: a group write still tells each caller its own row.
    const seqs = await Promise.all(updates.map((u, i) => storage.appendUpdate(i % 2 ? 'e' : 'd', u)));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const [d, e] = [await storage.loadState('d'), await storage.loadState('e')];
    expect(d.seqs).toEqual(seqs.filter((_, i) => i % 2 === 0));
    expect(e.seqs).toEqual(seqs.filter((_, i) => i % 2 === 1));
    expect(d.updates.map((u) => Array.from(u))).toEqual(updates.filter((_, i) => i % 2 === 0).map((u) => Array.from(u)));
    expect(d.stamp).toBeNull();
  });

  it('replaces the snapshot with a copy in memory, deleting exactly the rows named, when its stamp is still the one named', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    const { updates, text } = buildEdits(30);
    const seqs: number[] = [];
    for (const u of updates.slice(0, 20)) seqs.push(await storage.appendUpdate('d', u));
    // The copy in memory holds the first 20 rows; the rest are appended after it was encoded.
    const copy = new Y.Doc();
    updates.slice(0, 20).forEach((u) => Y.applyUpdate(copy, u));
    const state = Y.encodeStateAsUpdate(copy);
    for (const u of updates.slice(20)) await storage.appendUpdate('d', u);

    const result = await storage.replaceSnapshot('d', state, null, seqs);
    expect(result).toEqual({ replaced: true, stamp: expect.any(Number), deleted: 20 });
    const after = await storage.loadState('d');
    expect(after.stamp).toBe(result.replaced && result.stamp);
    expect(Array.from(after.snapshot!)).toEqual(Array.from(state));
    expect(after.updates).toHaveLength(updates.length - 20);
    expect(textOf(after)).toBe(text);

    // A copy that still names the old stamp (no snapshot) writes nothing.
    const stale = await storage.replaceSnapshot('d', Y.encodeStateAsUpdate(new Y.Doc()), null, after.seqs);
    expect(stale).toEqual({ replaced: false, reason: 'stale' });
    expect(await storage.loadState('d')).toEqual(after);
  });

  it('gives every snapshot written a higher stamp, even within one millisecond, so a merge makes a copy in memory stale', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    const { updates, text } = buildEdits(12);
    const copy = new Y.Doc();
    let stamp: number | null = null;
    const stamps: number[] = [];
    for (const u of updates.slice(0, 6)) {
      const seq = await storage.appendUpdate('d', u);
      Y.applyUpdate(copy, u);
      const result = await storage.replaceSnapshot('d', Y.encodeStateAsUpdate(copy), stamp, [seq]);
      if (!result.replaced) throw new Error(`not replaced: ${result.reason}`);
      stamps.push((stamp = result.stamp));
    }
    expect(stamps).toEqual([...new Set(stamps)].sort((a, b) => a - b));
    for (const u of updates.slice(6)) await storage.appendUpdate('d', u);
    // Another holder compacts by merging what is stored: the copy's stamp is no longer current.
    expect((await storage.compact('d')).merged).toBe(updates.length - 6);
    const merged = await storage.loadState('d');
    expect(merged.stamp).toBeGreaterThan(stamp!);
    expect(await storage.replaceSnapshot('d', Y.encodeStateAsUpdate(copy), stamp, [])).toEqual({ replaced: false, reason: 'stale' });
    expect(textOf(await storage.loadState('d'))).toBe(text);
  });

  it('keeps updates appended while a compaction is in flight', async () => {
    const { storage } = ctx;
    await storage.createDocument({ id: 'd', title: 'D' });
    const a = buildEdits(10, 1);
    const b = buildEdits(10, 2);
    for (const u of a.updates) await storage.appendUpdate('d', u);
    await Promise.all([storage.compact('d'), ...b.updates.map((u) => storage.appendUpdate('d', u))]);
    const doc = new Y.Doc();
    const state = await storage.loadState('d');
    if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
    state.updates.forEach((u) => Y.applyUpdate(doc, u));
    const expected = new Y.Doc();
    [...a.updates, ...b.updates].forEach((u) => Y.applyUpdate(expected, u));
    expect(doc.getText('t').toString()).toBe(expected.getText('t').toString());
  });

  it.skipIf(name === 'memory')('survives being closed and reopened (memory storage cannot, by design)', async () => {
    await ctx.storage.createDocument({ id: 'd', title: 'Durable' });
    const { updates, text } = buildEdits(5);
    for (const u of updates) await ctx.storage.appendUpdate('d', u);
    await ctx.storage.close();
    ctx.storage = await ctx.reopen!();
    expect((await ctx.storage.getDocument('d'))?.title).toBe('Durable');
    expect(textOf(await ctx.storage.loadState('d'))).toBe(text);
  });
});

/** Only PostgreSQL has connections a server can cut. */
describe('PostgreSQL storage when the server cuts its connections', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  const closing: (() => Promise<void>)[] = [];
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
    await db.drop();
  });

  it('appends carry on after the server cuts every connection, and the process survives', async () => {
    const storage = await PostgresStorage.open(db.url);
    closing.push(() => storage.close());
    const lost: Error[] = [];
    storage.onAppendsMayBeLost((reason) => lost.push(reason));
    await storage.createDocument({ id: 'd', title: 'D' });
    const { updates, text } = buildEdits(3);
    await storage.appendUpdate('d', updates[0]!);
    const admin = new pg.Client({ connectionString: db.url });
    await admin.connect();
    // Appends have a connection of their own, named for operators.
    const appenders = await admin.query("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'lcs-appends'");
    expect(appenders.rowCount).toBe(1);
    const cut = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
    await admin.end();
    expect(cut.rowCount).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 200));
    // Its commits are asynchronous: losing it is reported once, so open documents can be reloaded.
    expect(lost.map((e) => e.message)).toEqual([expect.stringContaining('append connection to PostgreSQL was lost')]);
    for (const u of updates.slice(1)) await storage.appendUpdate('d', u);
    expect(textOf(await storage.loadState('d'))).toBe(text);
  });
});
