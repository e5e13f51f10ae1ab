import { describe, expect, it } from 'vitest';
import { decodeCompacted, encodeCompacted } from './compactedMessage.ts';

describe('compaction messages', () => {
  it('carry the replaced snapshot (or none), the new stamp and every deleted row, exactly', () => {
    for (const message of [
      { base: null, stamp: 1_764_000_000_000, seqs: [] },
      { base: 1_764_000_000_000, stamp: 1_764_000_000_001, seqs: [1, 2 ** 32 + 5, 2 ** 53 - 1] },
    ]) {
      expect(decodeCompacted(encodeCompacted(message))).toEqual(message);
    }
  });

  it('refuse a message that is cut short, too long, or names something that is no row number', () => {
    const good = encodeCompacted({ base: 5, stamp: 6, seqs: [7, 8] });
    expect(() => decodeCompacted(good.subarray(0, 10))).toThrow(/truncated/);
    expect(() => decodeCompacted(good.subarray(0, good.length - 1))).toThrow(/row count/);
    expect(() => decodeCompacted(new Uint8Array([...good, 0]))).toThrow(/row count/);
    const fractional = encodeCompacted({ base: 5, stamp: 6, seqs: [7.5] });
    expect(() => decodeCompacted(fractional)).toThrow(/not a row number/);
    expect(() => decodeCompacted(encodeCompacted({ base: -1, stamp: 6, seqs: [] }))).toThrow(/not a row number/);
  });
});
