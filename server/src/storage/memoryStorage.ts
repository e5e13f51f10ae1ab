import type { Directory } from '../directory/directory.ts';
import { SqliteDirectory } from '../directory/sqliteDirectory.ts';
import { mergeStoredState } from './mergeState.ts';
import { openDatabase } from './sqliteDatabase.ts';
import type { CompactionResult, DocumentRecord, NewDocument, ReplaceResult, Storage, StoredState } from './storage.ts';
import { nextStamp } from './storage.ts';

interface Entry {
  record: DocumentRecord;
  snapshot: Uint8Array | null;
  stamp: number | null;
  updates: { seq: number; data: Uint8Array }[];
}

/**
 * Keeps everything in this process's memory: for tests and throwaway demos. The directory uses an
 * in-memory SQLite database (no file), so its queries are the real ones.
 */
export class MemoryStorage implements Storage {
  readonly kind = 'memory';
  readonly reusesRowNumbers: boolean = false;
  readonly #directoryDb = openDatabase(':memory:');
  readonly directory: Directory = new SqliteDirectory(this.#directoryDb);
  readonly #docs = new Map<string, Entry>();
  #lastSeq = 0;
  /** When set, the next calls of these methods reject: lets tests exercise storage failures. */
  failing = new Set<keyof Storage>();

  #check(op: keyof Storage): void {
    if (this.failing.has(op)) throw new Error(`memory storage: ${op} failing on purpose`);
  }

  #entry(id: string): Entry {
    const entry = this.#docs.get(id);
    if (!entry) throw new Error(`unknown document ${id}`);
    return entry;
  }

  async createDocument({ id, title, teamId = null, city = null }: NewDocument): Promise<DocumentRecord> {
    this.#check('createDocument');
    if (this.#docs.has(id)) throw new Error(`document ${id} exists`);
    const now = new Date();
    const record = { id, title, teamId, city, createdAt: now, updatedAt: now };
    this.#docs.set(id, { record, snapshot: null, stamp: null, updates: [] });
    return { ...record };
  }

  async getDocument(id: string): Promise<DocumentRecord | undefined> {
    this.#check('getDocument');
    const entry = this.#docs.get(id);
    return entry ? { ...entry.record } : undefined;
  }

  async listDocuments(): Promise<DocumentRecord[]> {
    this.#check('listDocuments');
    return [...this.#docs.values()].map((e) => ({ ...e.record })).sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  }

  async touchDocument(id: string, at: Date): Promise<void> {
    this.#check('touchDocument');
    const entry = this.#docs.get(id);
    if (entry) entry.record.updatedAt = at;
  }

  async loadState(id: string): Promise<StoredState> {
    this.#check('loadState');
    const entry = this.#docs.get(id);
    if (!entry) return { snapshot: null, updates: [], stamp: null, seqs: [] };
    return { snapshot: entry.snapshot, updates: entry.updates.map((u) => u.data), stamp: entry.stamp, seqs: entry.updates.map((u) => u.seq) };
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<number> {
    this.#check('appendUpdate');
    const seq = ++this.#lastSeq;
    this.#entry(id).updates.push({ seq, data: update.slice() });
    return seq;
  }

  async compact(id: string): Promise<CompactionResult> {
    this.#check('compact');
    const entry = this.#entry(id);
    const count = entry.updates.length;
    if (count === 0) return { merged: 0, snapshotBytes: entry.snapshot?.byteLength ?? 0 };
    const { update } = mergeStoredState({ snapshot: entry.snapshot, updates: entry.updates.map((u) => u.data) });
    entry.snapshot = update;
    entry.stamp = nextStamp(entry.stamp);
    entry.updates = [];
    return { merged: count, snapshotBytes: update.byteLength };
  }

  async replaceSnapshot(id: string, state: Uint8Array, base: number | null, seqs: readonly number[]): Promise<ReplaceResult> {
    this.#check('replaceSnapshot');
    const entry = this.#entry(id);
    if (entry.stamp !== base) return { replaced: false, reason: 'stale' };
    entry.snapshot = state.slice();
    entry.stamp = nextStamp(entry.stamp);
    const named = new Set(seqs);
    const before = entry.updates.length;
    entry.updates = entry.updates.filter((u) => !named.has(u.seq));
    return { replaced: true, stamp: entry.stamp, deleted: before - entry.updates.length };
  }

  async ping(): Promise<void> {
    this.#check('ping');
  }

  async close(): Promise<void> {
    if (this.#directoryDb.open) this.#directoryDb.close();
  }
}
