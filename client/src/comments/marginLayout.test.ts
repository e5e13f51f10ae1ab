import { describe, expect, it } from 'vitest';
import { marginHeight, stackCards } from './marginLayout.ts';

describe('laying cards out in the margin', () => {
  it('keeps each card level with its text when there is room', () => {
    expect(stackCards([{ top: 10, height: 50 }, { top: 100, height: 40 }, { top: 300, height: 20 }], 8)).toEqual([10, 100, 300]);
  });

  it('pushes a card down below the one above when they would overlap', () => {
    const items = [{ top: 10, height: 50 }, { top: 20, height: 40 }, { top: 70, height: 30 }, { top: 500, height: 10 }];
    const tops = stackCards(items, 8);
    expect(tops).toEqual([10, 68, 116, 500]);
    expect(marginHeight(items, tops)).toBe(510);
  });

  it('never places a card above the margin, nor trusts a position it could not read', () => {
    expect(stackCards([{ top: -40, height: 30 }, { top: Number.NaN, height: 10 }], 5)).toEqual([0, 35]);
  });

  it('needs no room for no cards', () => {
    expect(stackCards([])).toEqual([]);
    expect(marginHeight([], [])).toBe(0);
  });
});
