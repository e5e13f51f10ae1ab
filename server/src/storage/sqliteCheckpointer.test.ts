import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStorage } from './sqliteStorage.ts';

async function eventually(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

describe('SQLite WAL checkpoints in a worker thread', () => {
  const dirs: string[] = [];
  const open: SqliteStorage[] = [];
  afterEach(async () => {
    for (const storage of open.splice(0)) await storage.close();
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function storageIn(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lcs-ckpt-'))): { storage: SqliteStorage; file: string } {
    dirs.push(dir);
    const storage = SqliteStorage.inDirectory(dir);
    open.push(storage);
    return { storage, file: storage.file };
  }

  async function writeEdits(storage: SqliteStorage, count: number): Promise<string> {
    await storage.createDocument({ id: 'd', title: 'Nairobi' });
    const doc = new Y.Doc();
    const pending: Promise<void>[] = [];
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

  it('if the worker dies, the main connection checkpoints by itself again, so the WAL stays bounded', async () => {
    const { storage } = storageIn();
    await storage.checkpointer!.worker.terminate();
    await eventually(() => expect(storage.checkpointer!.mainConnectionAutocheckpoint).toBe(1000));
    await writeEdits(storage, 20);
  });
});
