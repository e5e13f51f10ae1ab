import { describe, expect, it } from 'vitest';
import { formatCommentTime } from './formatCommentTime.ts';

const now = new Date('2026-03-12T12:00:00Z');

describe('comment times', () => {
  it('read as how long ago within a day', () => {
    expect(formatCommentTime('2026-03-12T11:59:30Z', now)).toBe('just now');
    expect(formatCommentTime('2026-03-12T11:55:00Z', now)).toBe('5 min ago');
    expect(formatCommentTime('2026-03-12T09:00:00Z', now)).toBe('3 h ago');
  });

  it('read as a date after a day, with the year only when it is another year', () => {
    expect(formatCommentTime('2026-03-01T12:00:00Z', now, 'en-GB')).toBe('1 Mar');
    expect(formatCommentTime('2025-12-24T12:00:00Z', now, 'en-GB')).toBe('24 Dec 2025');
  });

  it('show nothing for a time it cannot read', () => {
    expect(formatCommentTime('not a time', now)).toBe('');
  });
});
