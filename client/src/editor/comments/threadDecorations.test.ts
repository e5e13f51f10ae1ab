import { describe, expect, it } from 'vitest';
import { buildParagraph } from '@lcs/shared';
import { editorSchema } from '@lcs/shared/editor';
import { buildThread } from '../../comments/testThreads.ts';
import { threadDecorations } from './threadDecorations.ts';
import type { ThreadDecorationSpec } from './threadDecorations.ts';

const doc = editorSchema().nodeFromJSON({ type: 'doc', content: [buildParagraph('Hello brave world')] });
const specs = (set: ReturnType<typeof threadDecorations>) =>
  set.find().map((d) => ({ from: d.from, to: d.to, ...(d.spec as ThreadDecorationSpec) })).map(({ from, to, threadId, kind }) => ({ from, to, threadId, kind }));

describe('thread decorations', () => {
  it('highlight open threads, and not resolved or detached ones', () => {
    const open = buildThread({ id: 'open' });
    const resolved = buildThread({ id: 'resolved', resolved: true });
    const detached = buildThread({ id: 'detached' });
    const ranges = new Map([
      ['open', { from: 7, to: 12 }],
      ['resolved', { from: 1, to: 6 }],
      ['detached', { from: 3, to: 3 }],
    ]);
    expect(specs(threadDecorations(doc, { threads: [open, resolved, detached], ranges, selectedId: null }))).toEqual([
      { from: 7, to: 12, threadId: 'open', kind: 'comment' },
    ]);
  });

  it('strike a pending suggestion through and show its replacement after it', () => {
    const suggestion = buildThread({ id: 's', suggestion: { replacement: 'bold', status: 'pending', decidedBy: null, decidedAt: null } });
    const set = threadDecorations(doc, { threads: [suggestion], ranges: new Map([['s', { from: 7, to: 12 }]]), selectedId: 's' });
    expect(specs(set)).toEqual([
      { from: 7, to: 12, threadId: 's', kind: 'deletion' },
      { from: 12, to: 12, threadId: 's', kind: 'insertion' },
    ]);
  });

  it('show nothing for a suggestion once it is decided', () => {
    const accepted = buildThread({ id: 'a', suggestion: { replacement: 'x', status: 'accepted', decidedBy: 'm', decidedAt: null } });
    expect(specs(threadDecorations(doc, { threads: [accepted], ranges: new Map([['a', { from: 7, to: 12 }]]), selectedId: null }))).toEqual([]);
  });

  it('show a suggested insertion at a point without striking anything', () => {
    const insertion = buildThread({ id: 'i', quote: '', suggestion: { replacement: ' very', status: 'pending', decidedBy: null, decidedAt: null } });
    expect(specs(threadDecorations(doc, { threads: [insertion], ranges: new Map([['i', { from: 6, to: 6 }]]), selectedId: null }))).toEqual([
      { from: 6, to: 6, threadId: 'i', kind: 'insertion' },
    ]);
  });
});
