import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from './sqliteStorage.ts';
import { BACKGROUND_NICE_STEPS } from './backgroundPriority.ts';
import { threadNiceValues } from '../../bench/procStats.ts';
import { newThreadNames, newThreadNiceValues } from '../../test/threadPriorities.ts';
import { eventually } from '../../test/waiting.ts';

/** A small real update. */
function editOf(i: number): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, `edit ${i}`);
  return doc;
}

describe('SQLite WAL checkpoints in a worker thread', () => {
  const dirs: string[] = [];
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    for (const storage of open.splice(0)) await storage.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function storageIn(commitsPerCheckpoint?: number, walLimitBytes?: number): { storage: SqliteStorage; file: string } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-ckpt-'));
    dirs.push(dir);
    const storage = new SqliteStorage(path.join(dir, 'db.sqlite'), { commitsPerCheckpoint, walLimitBytes });
    open.push(storage);
    return { storage, file: storage.file };
  }

  async function writeEdits(storage: SqliteStorage, count: number): Promise<string> {
    await storage.createDocument({ id: 'd', title: 'Nairobi' });
    const doc = new Y.Doc();
    const pending: Promise<number>[] = [];
    doc.on('update', (u: Uint8Array) => pending.push(storage.appendUpdate('d', u)));
    for (let i = 0; i < count; i++) doc.getText('t').insert(0, `${i} `);
    await Promise.all(pending);
    return doc.getText('t').toString();
  }

  it('the main connection never checkpoints; the worker copies the whole WAL into the database', async () => {
    const { storage, file } = storageIn();
    expect(storage.checkpointer?.mainConnectionAutocheckpoint).toBe(0);
    const text = await writeEdits(storage, 300);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    const result = await storage.checkpointer!.checkpointNow();
    expect(result.log).toBeGreaterThan(0);
    expect(result.checkpointed).toBe(result.log);
    await storage.close();
    const reopened = new SqliteStorage(file);
    open.push(reopened);
    const state = await reopened.loadState('d');
    const doc = new Y.Doc();
    state.updates.forEach((u) => Y.applyUpdate(doc, u));
    expect(doc.getText('t').toString()).toBe(text);
  });

  it('starts the worker only with the first checkpoint, and asks for one every so many commits', async () => {
    const { storage } = storageIn(10);
    await storage.createDocument({ id: 'd', title: 'Rabat' });
    expect(storage.checkpointer!.worker).toBeNull();
    for (let round = 1; round <= 3; round++) {
      for (let i = 0; i < 9; i++) await storage.appendUpdate('d', Y.encodeStateAsUpdate(editOf(i)));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(storage.checkpointer!.checkpoints).toBe(round - 1);
      await storage.appendUpdate('d', Y.encodeStateAsUpdate(editOf(round)));
      expect(storage.checkpointer!.worker).not.toBeNull();
      await eventually(() => expect(storage.checkpointer!.checkpoints).toBe(round));
    }
  });

  it('requests made while a checkpoint runs are answered by one more, not one each', async () => {
    const { storage } = storageIn();
    await writeEdits(storage, 50);
    const results = await Promise.all(Array.from({ length: 5 }, () => storage.checkpointer!.checkpointNow()));
    expect(results).toHaveLength(5);
    expect(storage.checkpointer!.checkpoints).toBe(2);
    // The four that came during the first are answered by the second, which started after them.
    expect(new Set(results.slice(1))).toEqual(new Set([results[1]]));
    expect(results[1]).not.toBe(results[0]);
  });

  it('closing waits for the worker, busy when asked to stop, even with nothing else keeping the process alive', () => {
    // The worker is unreferenced, so that it never keeps the process alive. Before, that let the
    // process end in the middle of `close()` (exit code 13, an unsettled await) when nothing else
    // kept it alive, as at the end of a shutdown: the last checkpoint and the close never ran.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-ckpt-'));
    dirs.push(dir);
    const file = path.join(dir, 'db.sqlite');
    const script = `
      import { SqliteStorage } from ${JSON.stringify(path.resolve(import.meta.dirname, 'sqliteStorage.ts'))};
      const storage = new SqliteStorage(${JSON.stringify(file)}, { commitsPerCheckpoint: 5 });
      await storage.createDocument({ id: 'd', title: 'Cork' });
      for (let i = 0; i < 2000; i++) await storage.appendUpdate('d', new Uint8Array([0, 0]));
      await storage.close();
      console.log('closed');
    `;
    fs.writeFileSync(path.join(dir, 'close.mts'), script);
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(dir, 'close.mts')], { encoding: 'utf8', cwd: import.meta.dirname, timeout: 60_000 });
    expect({ status: run.status, stdout: run.stdout.trim(), stderr: run.stderr.trim() }).toEqual({ status: 0, stdout: 'closed', stderr: '' });
    // Closed cleanly: the WAL was copied into the database and removed.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  // Linux keeps a nice value per thread; elsewhere the worker keeps the process's priority.
  it.runIf(process.platform === 'linux')('checkpoints below the event loop: its thread is niced and named, the process is not', async () => {
    const { storage } = storageIn();
    const base = os.getPriority();
    const before = threadNiceValues();
    await storage.checkpointer!.checkpointNow();
    expect(newThreadNiceValues(before)).toContain(Math.min(19, base + BACKGROUND_NICE_STEPS));
    expect(newThreadNames(before)).toContain('lcs-checkpoint');
    expect(os.getPriority()).toBe(base);
  });

  /** The WAL header's first salt: SQLite changes it each time the WAL starts over from its beginning. */
  function walSalt(file: string): number {
    const header = Buffer.alloc(32);
    const fd = fs.openSync(`${file}-wal`, 'r');
    try {
      fs.readSync(fd, header, 0, 32, 0);
    } finally {
      fs.closeSync(fd);
    }
    return header.readUInt32BE(16);
  }

  it('under appends that never let up, the WAL keeps starting over, so it stays bounded', async () => {
    // Without it, 8,000 commits of ~2 pages grow the WAL to ~68 MB: a checkpoint that runs beside
    // a busy writer never finds every frame copied, and SQLite only starts over when it does.
    const limit = 512 * 1024;
    const { storage, file } = storageIn(20, limit);
    await storage.createDocument({ id: 'd', title: 'Espoo' });
    await storage.checkpointer!.checkpointNow(); // the worker is up before the writes start
    const doc = new Y.Doc();
    let update: Uint8Array | null = null;
    doc.on('update', (u: Uint8Array) => (update = u));
    let largest = 0;
    const salts = new Set<number>();
    for (let i = 0; i < 8000; i++) {
      doc.getText('t').insert(0, `${i} `);
      // One commit per update, one after the other, with no pause but a turn of the event loop
      // now and then (as a server takes to read its sockets).
      await storage.appendUpdate('d', update!);
      if (i % 50 === 0) {
        largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
        salts.add(walSalt(file));
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    // Measured 3.5–9 MB with both cores busy elsewhere; the WAL would be ~68 MB.
    expect(largest).toBeLessThan(20 * 2 ** 20);
    expect(salts.size).toBeGreaterThan(2);
    expect(storage.checkpointer!.checkpoints).toBeGreaterThan(0);
    const state = await storage.loadState('d');
    const copy = new Y.Doc();
    state.updates.forEach((u) => Y.applyUpdate(copy, u));
    expect(copy.getText('t').toString()).toBe(doc.getText('t').toString());
  });

  it('a checkpoint with no writer beside it catches up; the next commit starts the WAL over and cuts it back to the limit', async () => {
    const limit = 256 * 1024;
    const { storage, file } = storageIn(1_000_000, limit);
    await storage.createDocument({ id: 'd', title: 'Espoo' });
    for (let i = 0; i < 400; i++) await storage.appendUpdate('d', Y.encodeStateAsUpdate(editOf(i)));
    const grown = fs.statSync(`${file}-wal`).size;
    expect(grown).toBeGreaterThan(4 * limit);
    const salt = walSalt(file);
    const result = await storage.checkpointer!.checkpointNow();
    expect(result).toMatchObject({ busy: 0, caughtUp: true, heldWriter: false });
    expect(result.checkpointed).toBe(result.log);
    await storage.appendUpdate('d', Y.encodeStateAsUpdate(editOf(1)));
    expect(walSalt(file)).not.toBe(salt);
    expect(fs.statSync(`${file}-wal`).size).toBeLessThanOrEqual(limit);
  });

  it('if the worker dies, the main connection checkpoints by itself again, so the WAL stays bounded', async () => {
    const { storage } = storageIn();
    await storage.checkpointer!.checkpointNow();
    await storage.checkpointer!.worker!.terminate();
    await eventually(() => expect(storage.checkpointer!.mainConnectionAutocheckpoint).toBe(1000));
    await writeEdits(storage, 20);
  });
});
