import { describe, expect, it } from 'vitest';
import { orderThreads } from './orderThreads.ts';
import { buildThread } from './testThreads.ts';

describe('ordering threads', () => {
  it('follows the document, with detached threads last and oldest first', () => {
    const late = buildThread({ id: 'late' });
    const early = buildThread({ id: 'early' });
    const goneNew = buildThread({ id: 'gone-new', createdAt: '2026-01-02T00:00:00Z' });
    const goneOld = buildThread({ id: 'gone-old', createdAt: '2026-01-01T00:00:00Z' });
    const ranges = new Map([
      ['late', { from: 40, to: 45 }],
      ['early', { from: 3, to: 9 }],
      ['gone-new', { from: 12, to: 12 }],
      ['gone-old', null],
    ]);
    const ordered = orderThreads([goneNew, late, goneOld, early], ranges);
    expect(ordered.map((p) => p.thread.id)).toEqual(['early', 'late', 'gone-old', 'gone-new']);
    expect(ordered.map((p) => p.range)).toEqual([{ from: 3, to: 9 }, { from: 40, to: 45 }, null, null]);
  });

  it('places a suggested insertion at its point, where a comment on an empty range is detached', () => {
    const insertion = buildThread({ id: 'insertion', quote: '', suggestion: { replacement: ' too', status: 'pending', decidedBy: null, decidedAt: null } });
    const collapsed = buildThread({ id: 'collapsed' });
    const ordered = orderThreads([collapsed, insertion], new Map([['insertion', { from: 12, to: 12 }], ['collapsed', { from: 12, to: 12 }]]));
    expect(ordered.map((p) => [p.thread.id, p.range])).toEqual([['insertion', { from: 12, to: 12 }], ['collapsed', null]]);
  });

  it('treats a thread it has no range for yet as detached', () => {
    expect(orderThreads([buildThread({ id: 'x' })], new Map())).toEqual([{ thread: expect.objectContaining({ id: 'x' }), range: null }]);
  });
});
