import type { DocumentRecord } from './storage.ts';

/** A `documents` row as both SQL backends store it (times as epoch milliseconds). */
export interface DocumentRow {
  id: string;
  title: string;
  team_id: string | null;
  city: string | null;
  created_at: number;
  updated_at: number;
}

export const toDocumentRecord = (row: DocumentRow): DocumentRecord => ({
  id: row.id,
  title: row.title,
  teamId: row.team_id,
  city: row.city,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

/** A driver's Buffer viewed as the Uint8Array Yjs expects, without copying. */
export const toBytes = (buf: Buffer): Uint8Array => new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);

/** Bytes handed to a driver as the Buffer it binds, without copying. */
export const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
