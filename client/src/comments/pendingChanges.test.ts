import { describe, expect, it } from 'vitest';
import type { OutboxEntry, OutboxRequest } from './commentOutbox.ts';
import { actionName, entriesFor, withPendingChanges } from './pendingChanges.ts';
import { buildComment, buildThread } from './testThreads.ts';

const me = { id: 'me' };
let next = 0;
const entry = (request: OutboxRequest, error: string | null = null): OutboxEntry => {
  next += 1;
  return { ...request, id: `e${next}`, createdAt: `2026-02-01T10:00:0${next % 10}.000Z`, error };
};

describe('pending changes shown before they are sent', () => {
  it('applies waiting edits, deletions and resolves in order, leaving the other threads as they are', () => {
    const mine = buildComment({ id: 'c-mine', authorId: 'me', body: 'Typo' });
    const thread = buildThread({ id: 't1', comments: [buildComment({ id: 'c-other' }), mine] });
    const untouched = buildThread({ id: 't2' });
    const edit = entry({ kind: 'edit', threadId: 't1', commentId: 'c-mine', body: { body: 'Fixed', mentions: ['you'] } });
    const resolve = entry({ kind: 'resolve', threadId: 't1', resolved: true });
    const shown = withPendingChanges([thread, untouched], [edit, resolve], me);

    expect(shown[0]).toMatchObject({ resolved: true, resolvedBy: 'me', resolvedAt: resolve.createdAt });
    expect(shown[0]!.comments.map((c) => c.body)).toEqual(['A comment', 'Fixed']);
    expect(shown[0]!.comments[1]).toMatchObject({ mentions: ['you'], editedAt: edit.createdAt });
    expect(shown[1]).toBe(untouched);
    // The server's threads themselves are not changed.
    expect(thread).toMatchObject({ resolved: false });
    expect(mine.body).toBe('Typo');
  });

  it('lets the last action win: an edit then a deletion shows a deleted comment, a resolve then a reopen an open thread', () => {
    const thread = buildThread({ id: 't1', comments: [buildComment({ id: 'c1', authorId: 'me' })] });
    const shown = withPendingChanges(
      [thread],
      [
        entry({ kind: 'resolve', threadId: 't1', resolved: true }),
        entry({ kind: 'edit', threadId: 't1', commentId: 'c1', body: { body: 'Edited', mentions: [] } }),
        entry({ kind: 'delete', threadId: 't1', commentId: 'c1' }),
        entry({ kind: 'edit', threadId: 't1', commentId: 'c1', body: { body: 'Too late', mentions: [] } }),
        entry({ kind: 'resolve', threadId: 't1', resolved: false }),
      ],
      me,
    );
    expect(shown[0]!.comments[0]).toMatchObject({ deleted: true, body: '' });
    expect(shown[0]).toMatchObject({ resolved: false, resolvedBy: null });
  });

  it('applies neither refused actions nor decisions (the server decides those), and keeps the same list when nothing applies', () => {
    const suggestion = buildThread({ id: 's1', suggestion: { replacement: 'x', status: 'pending', decidedBy: null, decidedAt: null } });
    const threads = [suggestion];
    const entries = [
      entry({ kind: 'decide', threadId: 's1', decision: 'accepted', text: 'quoted text' }),
      entry({ kind: 'resolve', threadId: 's1', resolved: true }, 'No thread with id s1'),
      entry({ kind: 'reply', threadId: 's1', body: { body: 'shown as a pending reply instead', mentions: [] } }),
      entry({ kind: 'resolve', threadId: 'gone', resolved: true }),
    ];
    expect(withPendingChanges(threads, entries, me)).toBe(threads);
  });

  it('finds the actions on a thread apart from those on its comments, and names them', () => {
    const resolve = entry({ kind: 'resolve', threadId: 't1', resolved: false });
    const decide = entry({ kind: 'decide', threadId: 't1', decision: 'rejected' });
    const edit = entry({ kind: 'edit', threadId: 't1', commentId: 'c1', body: { body: 'b', mentions: [] } });
    const elsewhere = entry({ kind: 'delete', threadId: 't2', commentId: 'c1' });
    const reply = entry({ kind: 'reply', threadId: 't1', body: { body: 'r', mentions: [] } });
    const all = [resolve, edit, decide, elsewhere, reply];
    expect(entriesFor(all, 't1')).toEqual([resolve, decide]);
    expect(entriesFor(all, 't1', 'c1')).toEqual([edit]);
    expect([resolve, decide, edit, elsewhere, reply].map(actionName)).toEqual(['Reopen', 'Reject', 'Edit', 'Delete', 'Reply']);
  });
});
