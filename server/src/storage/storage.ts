import type { Directory } from '../directory/directory.ts';

/** A document's metadata row. A strategy belongs to a country team; `teamId` null is facilitators' only. */
export interface DocumentRecord {
  id: string;
  title: string;
  teamId: string | null;
  city: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewDocument {
  id: string;
  title: string;
  teamId?: string | null;
  city?: string | null;
}

/** The parts a document's content is stored in: the last snapshot plus the updates appended since. */
export interface StoredParts {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/**
 * A document's stored content as read, and what it was read from: the snapshot's stamp (null when
 * there is none) and the log rows' sequence numbers, in the order of `updates`. A copy in memory
 * that holds all of it can later replace them (`replaceSnapshot`).
 */
export interface StoredState extends StoredParts {
  stamp: number | null;
  seqs: number[];
}

/** Outcome of compacting a document's update log into its snapshot. */
export interface CompactionResult {
  /** Updates folded into the new snapshot (0 means there was nothing to do). */
  merged: number;
  /** Size of the new snapshot in bytes. */
  snapshotBytes: number;
}

/** What `replaceSnapshot` did: wrote the snapshot (and its new stamp), or nothing, and why. */
export type ReplaceResult =
  | { replaced: true; stamp: number; deleted: number }
  /** `stale`: the snapshot is no longer the one named; `busy`: another process is compacting it now. */
  | { replaced: false; reason: 'stale' | 'busy' };

/**
 * Durable home of documents. Content is an append-only log of Yjs updates plus a snapshot: an update
 * is appended (and durable) before the server applies or relays it. The log is folded into the
 * snapshot atomically, keeping any update appended meanwhile, in one of two ways: `compact` reads
 * and merges what is stored, and `replaceSnapshot` writes the state of a copy in memory that is
 * known to hold the snapshot and the rows it replaces (the server's loaded document, which already
 * has everything merged). A snapshot's stamp increases with every write, so a copy can tell whether
 * the snapshot it holds is still the stored one.
 */
export interface Storage {
  readonly kind: string;
  /**
   * Whether a log row's number may be given to a later row once the row is deleted (SQLite's row
   * ids, after a compaction deleted the newest rows). A process that knows another's rows only by
   * number must not rely on them then (see `SharedDocument`).
   */
  readonly reusesRowNumbers: boolean;
  /** Workshops, teams, people, invitations and sessions, in the same store. */
  readonly directory: Directory;
  createDocument(doc: NewDocument): Promise<DocumentRecord>;
  getDocument(id: string): Promise<DocumentRecord | undefined>;
  listDocuments(): Promise<DocumentRecord[]>;
  /** Records that a document changed (for "last edited" ordering). */
  touchDocument(id: string, at: Date): Promise<void>;
  loadState(id: string): Promise<StoredState>;
  /**
   * Appends one update durably; resolves with the row's sequence number once it would survive a
   * crash of this process.
   */
  appendUpdate(id: string, update: Uint8Array): Promise<number>;
  /**
   * Registers what to do when appends already acknowledged may not survive after all: PostgreSQL
   * commits appends asynchronously (durable against a crash of this process, like SQLite in WAL
   * mode, but a crash of the database server itself can lose its last fraction of a second), so
   * losing the append connection means documents in memory may hold changes storage lacks.
   */
  onAppendsMayBeLost?(listener: (reason: Error) => void): void;
  compact(id: string): Promise<CompactionResult>;
  /**
   * In one transaction: if the snapshot's stamp is still `base`, stores `state` (an encoding of the
   * whole document that holds that snapshot and the log rows `seqs`) as the new snapshot and deletes
   * those rows; otherwise writes nothing. Rows not named stay, so appends made meanwhile survive.
   */
  replaceSnapshot(id: string, state: Uint8Array, base: number | null, seqs: readonly number[]): Promise<ReplaceResult>;
  /** Resolves if the backing store answers; used by `/healthz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The stamp of a snapshot written over one stamped `current`: the time in milliseconds, but always
 * above `current`, so two writes in the same millisecond (or with the clock set back) still differ.
 */
export function nextStamp(current: number | null): number {
  return Math.max(Date.now(), (current ?? 0) + 1);
}
