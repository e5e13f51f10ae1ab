/**
 * What a process tells the others after it compacted a document from its copy in memory: the
 * snapshot it replaced (`base`, its stamp; null if there was none), the new snapshot's stamp, and
 * the log rows it deleted. A process whose copy holds that same snapshot and every one of those rows
 * holds all the new snapshot can contain, and may go on compacting from memory (see `SharedDocument`).
 */
export interface Compacted {
  base: number | null;
  stamp: number;
  seqs: number[];
}

/** `[has base: 1 byte][base: float64][stamp: float64][count: uint32][seq: float64] * count`, big-endian. */
const HEAD = 1 + 8 + 8 + 4;

export function encodeCompacted({ base, stamp, seqs }: Compacted): Uint8Array {
  const bytes = new Uint8Array(HEAD + 8 * seqs.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, base === null ? 0 : 1);
  view.setFloat64(1, base ?? 0);
  view.setFloat64(9, stamp);
  view.setUint32(17, seqs.length);
  seqs.forEach((seq, i) => view.setFloat64(HEAD + 8 * i, seq));
  return bytes;
}

/** Throws if `payload` is not a well-formed message (wrong length, or numbers that are not row numbers or stamps). */
export function decodeCompacted(payload: Uint8Array): Compacted {
  if (payload.byteLength < HEAD) throw new Error('truncated compaction message');
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const count = view.getUint32(17);
  if (payload.byteLength !== HEAD + 8 * count) throw new Error('compaction message length does not match its row count');
  const whole = (n: number) => {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row number or stamp: ${n}`);
    return n;
  };
  const seqs = Array.from({ length: count }, (_, i) => whole(view.getFloat64(HEAD + 8 * i)));
  return { base: view.getUint8(0) === 0 ? null : whole(view.getFloat64(1)), stamp: whole(view.getFloat64(9)), seqs };
}
