import type { Thread, ThreadComment } from '@lcs/shared';

let next = 0;

/** A comment with defaults for every field. For tests. */
export function buildComment(fields: Partial<ThreadComment> = {}): ThreadComment {
  next += 1;
  return {
    id: `c${next}`,
    authorId: 'author',
    authorName: 'Author',
    authorColor: '#336699',
    body: 'A comment',
    mentions: [],
    createdAt: '2026-01-01T10:00:00.000Z',
    editedAt: null,
    deleted: false,
    ...fields,
  };
}

/** An open comment thread with one comment and defaults for every field. For tests. */
export function buildThread(fields: Partial<Thread> = {}): Thread {
  next += 1;
  return {
    id: `t${next}`,
    anchor: { start: 'AA==', end: 'AA==' },
    quote: 'quoted text',
    authorId: 'author',
    authorName: 'Author',
    authorColor: '#336699',
    createdAt: '2026-01-01T10:00:00.000Z',
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
    suggestion: null,
    comments: [buildComment()],
    ...fields,
  };
}
