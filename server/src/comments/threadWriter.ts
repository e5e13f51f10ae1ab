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

export function createThread(
  doc: Y.Doc,
  input: { id: string; commentId: string; anchor: { start: string; end: string }; quote: string; body: string; mentions: string[]; suggestion?: { replacement: string } },
  author: Author,
  now: string,
): void {
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

export function addComment(doc: Y.Doc, threadId: string, input: { id: string; body: string; mentions: string[] }, author: Author, now: string): void {
  const comments = threadOf(doc, threadId).get('comments') as Y.Array<Y.Map<unknown>>;
  comments.push([commentMap(input.id, author, input.body, input.mentions, now)]);
}

function ownComment(doc: Y.Doc, threadId: string, commentId: string, authorId: string): Y.Map<unknown> {
  const comments = threadOf(doc, threadId).get('comments') as Y.Array<Y.Map<unknown>>;
  const comment = comments.toArray().find((c) => c.get('id') === commentId);
  if (!comment || comment.get('deleted') === true) throw new HttpError(404, 'comment_not_found', `No comment with id ${commentId}`);
  if (comment.get('authorId') !== authorId) throw new HttpError(403, 'forbidden', 'Only its author can change a comment');
  return comment;
}

export function editComment(doc: Y.Doc, threadId: string, commentId: string, input: { body: string; mentions: string[] }, authorId: string, now: string): void {
  const comment = ownComment(doc, threadId, commentId, authorId);
  comment.set('body', input.body);
  comment.set('mentions', input.mentions);
  comment.set('editedAt', now);
}

/** Deleting keeps a tombstone so replies keep their place; the text is removed. */
export function deleteComment(doc: Y.Doc, threadId: string, commentId: string, authorId: string): void {
  const comment = ownComment(doc, threadId, commentId, authorId);
  comment.set('deleted', true);
  comment.set('body', '');
}

export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, byId: string, now: string): void {
  const thread = threadOf(doc, threadId);
  thread.set('resolved', resolved);
  thread.set('resolvedBy', resolved ? byId : null);
  thread.set('resolvedAt', resolved ? now : null);
}

export function decideSuggestion(doc: Y.Doc, threadId: string, decision: 'accepted' | 'rejected', byId: string, now: string): void {
  const suggestion = threadOf(doc, threadId).get('suggestion');
  if (!(suggestion instanceof Y.Map)) throw new HttpError(400, 'not_a_suggestion', 'This thread is a comment, not a suggestion');
  if (suggestion.get('status') !== 'pending') throw new HttpError(409, 'already_decided', `This suggestion was already ${String(suggestion.get('status'))}`);
  suggestion.set('status', decision);
  suggestion.set('decidedBy', byId);
  suggestion.set('decidedAt', now);
}
