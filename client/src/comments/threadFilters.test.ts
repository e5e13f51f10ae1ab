import { describe, expect, it } from 'vitest';
import { isOpenThread, matchesFilter } from './threadFilters.ts';
import { buildComment, buildThread } from './testThreads.ts';

describe('thread filters', () => {
  const plain = buildThread({ id: 'plain' });
  const resolved = buildThread({ id: 'resolved', resolved: true });
  const pending = buildThread({ id: 'pending', suggestion: { replacement: 'x', status: 'pending', decidedBy: null, decidedAt: null } });
  const accepted = buildThread({ id: 'accepted', suggestion: { replacement: 'x', status: 'accepted', decidedBy: 'm', decidedAt: '2026-01-01T00:00:00Z' } });
  const all = [plain, resolved, pending, accepted];
  const ids = (filter: Parameters<typeof matchesFilter>[1], me = 'me') => all.filter((t) => matchesFilter(t, filter, me)).map((t) => t.id);

  it('shows unresolved threads and pending suggestions as open', () => {
    expect(ids('open')).toEqual(['plain', 'pending']);
  });

  it('counts decided suggestions as done, with resolved threads', () => {
    expect(ids('resolved')).toEqual(['resolved', 'accepted']);
    expect(isOpenThread(accepted)).toBe(false);
  });

  it('finds threads someone started or replied to as theirs, whatever their state', () => {
    const started = buildThread({ id: 'started', authorId: 'me', resolved: true });
    const replied = buildThread({ id: 'replied', comments: [buildComment({ authorId: 'other' }), buildComment({ authorId: 'me' })] });
    const deletedReply = buildThread({ id: 'deleted', comments: [buildComment({ authorId: 'me', deleted: true })] });
    expect([started, replied, deletedReply, plain].filter((t) => matchesFilter(t, 'mine', 'me')).map((t) => t.id)).toEqual(['started', 'replied']);
  });

  it('finds threads with a comment that mentions the person', () => {
    const mentioning = buildThread({ id: 'm', comments: [buildComment({ mentions: ['me', 'you'] })] });
    const other = buildThread({ id: 'o', comments: [buildComment({ mentions: ['you'] })] });
    expect([mentioning, other].filter((t) => matchesFilter(t, 'mentioning', 'me')).map((t) => t.id)).toEqual(['m']);
  });
});
