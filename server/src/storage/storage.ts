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

/** What is stored of a document's content: the last snapshot plus the updates appended since. */
export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

/** Outcome of compacting a document's update log into its snapshot. */
export interface CompactionResult {
  /** Updates folded into the new snapshot (0 means there was nothing to do). */
  merged: number;
  /** Size of the new snapshot in bytes. */
  snapshotBytes: number;
}

/**
 * Durable home of documents. Content is an append-only log of Yjs updates plus a snapshot: an update
 * is appended (and durable) before the server applies or relays it, and `compact` folds the log into
 * the snapshot atomically, keeping any update appended while it ran.
 */
export interface Storage {
  readonly kind: string;
  /** Workshops, teams, people, invitations and sessions, in the same store. */
  readonly directory: Directory;
  createDocument(doc: NewDocument): Promise<DocumentRecord>;
  getDocument(id: string): Promise<DocumentRecord | undefined>;
  listDocuments(): Promise<DocumentRecord[]>;
  /** Records that a document changed (for "last edited" ordering). */
  touchDocument(id: string, at: Date): Promise<void>;
  loadState(id: string): Promise<StoredState>;
  /** Appends one update durably; resolves once it would survive a crash of this process. */
  appendUpdate(id: string, update: Uint8Array): Promise<void>;
  /**
   * Registers what to do when appends already acknowledged may not survive after all: PostgreSQL
   * commits appends asynchronously (durable against a crash of this process, like SQLite in WAL
   * mode, but a crash of the database server itself can lose its last fraction of a second), so
   * losing the append connection means documents in memory may hold changes storage lacks.
   */
  onAppendsMayBeLost?(listener: (reason: Error) => void): void;
  compact(id: string): Promise<CompactionResult>;
  /** Resolves if the backing store answers; used by `/healthz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
