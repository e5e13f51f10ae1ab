import type { Directory } from '../directory/directory.ts';
import { SqliteDirectory } from '../directory/sqliteDirectory.ts';
import { mergeStoredState } from './mergeState.ts';
import { openDatabase } from './sqliteDatabase.ts';
import type { CompactionResult, DocumentRecord, NewDocument, Storage, StoredState } from './storage.ts';

interface Entry {
  record: DocumentRecord;
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * Keeps everything in this process's memory: for tests and throwaway demos. The directory uses an
 * in-memory SQLite database (no file), so its queries are the real ones.
 */
export class MemoryStorage implements Storage {
  readonly kind = 'memory';
  readonly #directoryDb = openDatabase(':memory:');
  readonly directory: Directory = new SqliteDirectory(this.#directoryDb);
  readonly #docs = new Map<string, Entry>();
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
    this.#docs.set(id, { record, snapshot: null, updates: [] });
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
    return entry ? { snapshot: entry.snapshot, updates: [...entry.updates] } : { snapshot: null, updates: [] };
  }

  async appendUpdate(id: string, update: Uint8Array): Promise<void> {
    this.#check('appendUpdate');
    this.#entry(id).updates.push(update.slice());
  }

  async compact(id: string): Promise<CompactionResult> {
    this.#check('compact');
    const entry = this.#entry(id);
    const count = entry.updates.length;
    if (count === 0) return { merged: 0, snapshotBytes: entry.snapshot?.byteLength ?? 0 };
    const { update } = mergeStoredState({ snapshot: entry.snapshot, updates: entry.updates.slice(0, count) });
    entry.snapshot = update;
    entry.updates.splice(0, count);
    return { merged: count, snapshotBytes: update.byteLength };
  }

  async ping(): Promise<void> {
    this.#check('ping');
  }

  async close(): Promise<void> {
    if (this.#directoryDb.open) this.#directoryDb.close();
  }
}
