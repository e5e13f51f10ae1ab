import * as Y from 'yjs';
import { THREADS_ROOT } from '@lcs/shared';
import { HttpError } from '../errors.ts';

/** Who is writing: recorded on what they write. */
export interface Author {
  id: string;
  name: string;
  color: string;
}

const threadsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>(THREADS_ROOT);

function threadOf(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsOf(doc).get(threadId);
  if (!(thread instanceof Y.Map)) throw new HttpError(404, 'thread_not_found', `No thread with id ${threadId}`);
  return thread;
}

function commentMap(id: string, author: Author, body: string, mentions: string[], now: string): Y.Map<unknown> {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries({ id, authorId: author.id, authorName: author.name, authorColor: author.color, body, mentions, createdAt: now, editedAt: null, deleted: false })) m.set(k, v);
  return m;
}

/** Anchors must be relative positions Yjs can decode; anything else is refused before it is stored. */
export function assertAnchor(encoded: string, path: string): void {
  try {
    Y.decodeRelativePosition(Uint8Array.from(Buffer.from(encoded, 'base64')));
  } catch {
    throw new HttpError(400, 'invalid_request', `${path}: not a relative position`, [{ path, message: 'not a relative position' }]);
  }
}

/**
 * Creates the thread, or does nothing when this author already created one with this id (the same
 * request sent again: ids the client picks make creating idempotent). Someone else's id is refused.
 */
export function createThread(
  doc: Y.Doc,
  input: { id: string; commentId: string; anchor: { start: string; end: string }; quote: string; body: string; mentions: string[]; suggestion?: { replacement: string } },
  author: Author,
  now: string,
): void {
  const existing = threadsOf(doc).get(input.id);
  if (existing !== undefined) {
    if (existing instanceof Y.Map && existing.get('authorId') === author.id) return;
    throw new HttpError(409, 'id_taken', `The id ${input.id} is already used by another thread`);
  }
  const thread = new Y.Map<unknown>();
  const fields = {
    id: input.id,
    anchorStart: input.anchor.start,
    anchorEnd: input.anchor.end,
    quote: input.quote,
    authorId: author.id,
    authorName: author.name,
    authorColor: author.color,
    createdAt: now,
    resolved: false,
    resolvedBy: null,
    resolvedAt: null,
  };
  for (const [k, v] of Object.entries(fields)) thread.set(k, v);
  if (input.suggestion) {
    const s = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ replacement: input.suggestion.replacement, status: 'pending', decidedBy: null, decidedAt: null })) s.set(k, v);
    thread.set('suggestion', s);
  }
  const comments = new Y.Array<Y.Map<unknown>>();
  if (input.body) comments.push([commentMap(input.commentId, author, input.body, input.mentions, now)]);
  thread.set('comments', comments);
  threadsOf(doc).set(input.id, thread);
}

/** Adds a reply, or does nothing when this author already added one with this id (sent again). */
export function addComment(doc: Y.Doc, threadId: string, input: { id: string; body: string; mentions: string[] }, author: Author, now: string): void {
  const comments = threadOf(doc, threadId).get('comments') as Y.Array<Y.Map<unknown>>;
  const existing = comments.toArray().find((c) => c.get('id') === input.id);
  if (existing) {
    if (existing.get('authorId') === author.id) return;
    throw new HttpError(409, 'id_taken', `The id ${input.id} is already used by another comment`);
  }
  comments.push([commentMap(input.id, author, input.body, input.mentions, now)]);
}

function ownComment(doc: Y.Doc, threadId: string, commentId: string, authorId: string): Y.Map<unknown> {
  const comments = threadOf(doc, threadId).get('comments') as Y.Array<Y.Map<unknown>>;
  const comment = comments.toArray().find((c) => c.get('id') === commentId);
  if (!comment) throw new HttpError(404, 'comment_not_found', `No comment with id ${commentId}`);
  if (comment.get('authorId') !== authorId) throw new HttpError(403, 'forbidden', 'Only its author can change a comment');
  return comment;
}

const sameMentions = (stored: unknown, mentions: string[]) =>
  Array.isArray(stored) && stored.length === mentions.length && stored.every((id, i) => id === mentions[i]);

/**
 * A deleted comment stays deleted: an edit that arrives later (written offline, or on another
 * device) is refused with 409 rather than bringing the text back. The same text again changes
 * nothing, so a retried edit does not move its "edited" time.
 */
export function editComment(doc: Y.Doc, threadId: string, commentId: string, input: { body: string; mentions: string[] }, authorId: string, now: string): void {
  const comment = ownComment(doc, threadId, commentId, authorId);
  if (comment.get('deleted') === true) throw new HttpError(409, 'comment_deleted', 'This comment was deleted, so the edit was not saved');
  if (comment.get('body') === input.body && sameMentions(comment.get('mentions'), input.mentions)) return;
  comment.set('body', input.body);
  comment.set('mentions', input.mentions);
  comment.set('editedAt', now);
}

/** Deleting keeps a tombstone so replies keep their place; the text is removed. Deleting twice is fine. */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, authorId: string): void {
  const comment = ownComment(doc, threadId, commentId, authorId);
  if (comment.get('deleted') === true) return;
  comment.set('deleted', true);
  comment.set('body', '');
}

/** Resolving a resolved thread (or reopening an open one) changes nothing: who resolved it first and when stay. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, byId: string, now: string): void {
  const thread = threadOf(doc, threadId);
  if ((thread.get('resolved') === true) === resolved) return;
  thread.set('resolved', resolved);
  thread.set('resolvedBy', resolved ? byId : null);
  thread.set('resolvedAt', resolved ? now : null);
}

/**
 * Only the first decision counts; any later one is refused with 409, so a suggestion that someone
 * else decided meanwhile is never applied by a second member. The one exception is the same
 * decision sent again with the same `requestId` (a retry after a lost answer): it succeeds again
 * without changing anything, so the client that won goes on to apply the text.
 */
export function decideSuggestion(doc: Y.Doc, threadId: string, decision: 'accepted' | 'rejected', byId: string, now: string, requestId?: string): void {
  const suggestion = threadOf(doc, threadId).get('suggestion');
  if (!(suggestion instanceof Y.Map)) throw new HttpError(400, 'not_a_suggestion', 'This thread is a comment, not a suggestion');
  const status = suggestion.get('status');
  if (status !== 'pending') {
    const retried = requestId !== undefined && suggestion.get('decisionRequestId') === requestId && status === decision && suggestion.get('decidedBy') === byId;
    if (retried) return;
    throw new HttpError(409, 'already_decided', `This suggestion was already ${String(status)}`);
  }
  suggestion.set('status', decision);
  suggestion.set('decidedBy', byId);
  suggestion.set('decidedAt', now);
  if (requestId !== undefined) suggestion.set('decisionRequestId', requestId);
}
