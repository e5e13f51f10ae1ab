import { describe, expect, it } from 'vitest';
import { HeldStorage } from './HeldStorage.ts';

/** A copy that loaded snapshot 1 with rows 10 and 11. */
function loaded(reusesRowNumbers = false): HeldStorage {
  const held = new HeldStorage(reusesRowNumbers);
  held.loaded('storage', 1, [10, 11]);
  return held;
}

describe('HeldStorage', () => {
  it('knows nothing before a load', () => {
    const held = new HeldStorage(false);
    expect(held.known).toBe(false);
    expect(held.cut()).toBeNull();
    held.stored(held.enter(), 5);
    held.remoteRow(6);
    expect(held.known).toBe(false);
  });

  it('a cut names the snapshot and exactly the rows whose content entered before it', () => {
    const held = loaded();
    const mine = held.enter();
    held.remoteRow(20);
    const cut = held.cut()!;
    // Stored after the cut was taken, but entered before it: named.
    held.stored(mine, 12);
    // Entered after the cut: not named, and kept once the replacement is done.
    const later = held.enter();
    held.stored(later, 13);
    held.remoteRow(21);
    expect(cut.base).toBe(1);
    expect(held.rows(cut).sort((a, b) => a - b)).toEqual([10, 11, 12, 20]);
    held.replaced(cut, 2);
    const next = held.cut()!;
    expect(next.base).toBe(2);
    expect(held.rows(next).sort((a, b) => a - b)).toEqual([13, 21]);
  });

  it('a resync with the same snapshot adds the rows it read; with another, starts over from them', () => {
    const held = loaded();
    held.loaded('resync', 1, [11, 12]);
    expect(held.rows(held.cut()!).sort((a, b) => a - b)).toEqual([10, 11, 12]);
    held.loaded('resync', 7, [30]);
    const cut = held.cut()!;
    expect(cut.base).toBe(7);
    expect(held.rows(cut)).toEqual([30]);
  });

  it("goes on from another process's snapshot only when it holds the one replaced and every deleted row", () => {
    const held = loaded();
    held.remoteRow(12);
    expect(held.learn({ base: 1, stamp: 3, seqs: [10, 12] })).toBe(false);
    const cut = held.cut()!;
    expect(cut.base).toBe(3);
    expect(held.rows(cut)).toEqual([11]);
    // A row it never received: it may lack content of the new snapshot, so it must read storage again.
    expect(held.learn({ base: 3, stamp: 4, seqs: [11, 99] })).toBe(true);
    expect(held.known).toBe(false);
  });

  it('does not go on from a snapshot whose base it does not hold', () => {
    const held = loaded();
    expect(held.learn({ base: 2, stamp: 3, seqs: [10] })).toBe(true);
    expect(held.known).toBe(false);
  });

  it('relies on no row number of another process where storage reuses them', () => {
    const held = loaded(true);
    held.remoteRow(12);
    expect(held.rows(held.cut()!)).toEqual([10, 11]);
    // It cannot tell which rows were deleted: it stops relying on what it held, without a resync.
    expect(held.learn({ base: 1, stamp: 3, seqs: [10, 11] })).toBe(false);
    expect(held.known).toBe(false);
  });

  it('refused as stale: waits one round, then gives up; having learned meanwhile, it waits', () => {
    const held = loaded();
    expect(held.refusedAsStale(held.cut()!)).toBe(true);
    expect(held.known).toBe(true);
    expect(held.refusedAsStale(held.cut()!)).toBe(false);
    expect(held.known).toBe(false);

    const other = loaded();
    const cut = other.cut()!;
    other.learn({ base: 1, stamp: 5, seqs: [10] });
    // Twice: what it learned is what the next round goes on from, so it never gives up here.
    expect(other.refusedAsStale(cut)).toBe(true);
    expect(other.refusedAsStale(cut)).toBe(true);
    expect(other.cut()!.base).toBe(5);
  });

  it('a replacement clears an earlier refusal', () => {
    const held = loaded();
    expect(held.refusedAsStale(held.cut()!)).toBe(true);
    held.replaced(held.cut()!, 2);
    expect(held.refusedAsStale(held.cut()!)).toBe(true);
    expect(held.known).toBe(true);
  });

  it('forgets what it held once storage merged the log itself', () => {
    const held = loaded();
    held.forget();
    expect(held.known).toBe(false);
    held.loaded('resync', 4, [40]);
    expect(held.cut()!.base).toBe(4);
  });
});
