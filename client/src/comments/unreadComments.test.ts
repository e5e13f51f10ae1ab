import { describe, expect, it } from 'vitest';
import { memoryStore } from '../lib/keyValueStore.ts';
import { buildComment, buildThread } from './testThreads.ts';
import { markThreadSeen, readSeen, seenKey, unseenComments, writeSeen } from './unreadComments.ts';

describe('unread comments', () => {
  const mine = buildComment({ id: 'mine', authorId: 'me' });
  const theirs = buildComment({ id: 'theirs', authorId: 'them' });
  const deleted = buildComment({ id: 'gone', authorId: 'them', deleted: true });
  const thread = buildThread({ comments: [mine, theirs, deleted] });

  it('counts only other people’s comments that were not seen yet', () => {
    expect(unseenComments(thread, new Set(), 'me').map((c) => c.id)).toEqual(['theirs']);
    expect(unseenComments(thread, new Set(['theirs']), 'me')).toEqual([]);
  });

  it('marks every comment of a card as seen when it is opened, and changes nothing the second time', () => {
    const seen = markThreadSeen(new Set(), thread);
    expect(unseenComments(thread, seen, 'me')).toEqual([]);
    expect(markThreadSeen(seen, thread)).toBe(seen);
  });

  it('is kept per person and document, without the ids of comments that no longer exist', () => {
    const store = memoryStore();
    writeSeen(store, seenKey('me', 'doc'), new Set(['theirs', 'vanished']), [thread]);
    expect([...readSeen(store, seenKey('me', 'doc'))]).toEqual(['theirs']);
    expect(readSeen(store, seenKey('you', 'doc')).size).toBe(0);
  });

  it('treats an unreadable record as nothing seen', () => {
    const store = memoryStore();
    store.setItem(seenKey('me', 'doc'), '{not json');
    expect(readSeen(store, seenKey('me', 'doc')).size).toBe(0);
  });
});
