import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '@lcs/shared';
import type * as Y from 'yjs';

/** Beyond this many update frames (or half the encoded document's size) newcomers get a fresh encoding. */
const MAX_TAIL_FRAMES = 500;
const MIN_TAIL_BYTES = 64 * 1024;

/**
 * What a client that has nothing yet is sent: sync step 2 with the whole document as it was when
 * encoded, plus the update frames applied since, in order. Edits extend the tail instead of
 * dropping the encoding, so a join storm during live editing still encodes the document once. The
 * document's owner extends the tail with every change it applies, or drops the cache for a change
 * it cannot record as a frame.
 */
export class FullStateCache {
  #encoded: Uint8Array | null = null;
  #since: Uint8Array[] = [];
  #sinceBytes = 0;
  /** How many times the whole document was encoded. */
  encodes = 0;

  constructor(private readonly ydoc: Y.Doc) {}

  /** Whether an encoding is held (and so must follow every change). */
  get held(): boolean {
    return this.#encoded !== null;
  }

  /** Encoded again only when the tail has grown past what re-encoding costs, or after a drop. */
  messages(): Uint8Array[] {
    if (!this.#encoded) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep2(encoder, this.ydoc);
      this.#encoded = encoding.toUint8Array(encoder);
      this.encodes += 1;
    }
    return [this.#encoded, ...this.#since];
  }

  extend(frame: Uint8Array): void {
    if (!this.#encoded) return;
    this.#since.push(frame);
    this.#sinceBytes += frame.byteLength;
    // A long tail costs every newcomer more than one encoding would.
    if (this.#since.length > MAX_TAIL_FRAMES || this.#sinceBytes > Math.max(MIN_TAIL_BYTES, this.#encoded.byteLength / 2)) this.drop();
  }

  drop(): void {
    this.#encoded = null;
    this.#since = [];
    this.#sinceBytes = 0;
  }
}
