import { useState } from 'react';
import type { ThreadComment } from '@lcs/shared';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { AuthorAvatar } from './AuthorAvatar.tsx';
import { CommentBody } from './CommentBody.tsx';
import { CommentError } from './CommentError.tsx';
import { useComments } from './commentsContext.ts';
import { formatCommentTime } from './formatCommentTime.ts';
import { mentionedIds } from './mentions.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import { entriesFor } from './pendingChanges.ts';
import { PendingActions } from './PendingActions.tsx';

export interface CommentViewProps {
  threadId: string;
  comment: ThreadComment;
  /** A comment not yet sent (written offline): shown with that note instead of the actions. */
  pending?: { error: string | null; onDiscard: () => void };
}

/** One comment of a thread: author, time, text; its author can edit or delete it. */
export function CommentView({ threadId, comment, pending }: CommentViewProps) {
  const { me, people, permissions, outbox } = useComments();
  const [editing, setEditing] = useState<string | null>(null);
  const { pending: busy, error, run } = useFormSubmit();
  // A reply still waiting to be sent cannot be edited or deleted yet, only discarded.
  const own = comment.authorId === me.id && permissions.comment && !pending;
  // Edits and deletions waiting to be sent; the comment already shows them (see withPendingChanges).
  const waiting = pending ? [] : entriesFor(outbox.entries, threadId, comment.id).filter((e) => e.error === null);

  const save = async () => {
    const body = editing?.trim() ?? '';
    if (!body) return;
    const edit = { kind: 'edit', threadId, commentId: comment.id, body: { body, mentions: mentionedIds(body, people) } } as const;
    if (await run(async () => void (await outbox.submit(edit)))) setEditing(null);
  };

  return (
    <li className="comment" data-testid="comment" data-comment-id={comment.id} data-pending={pending ? 'true' : undefined}>
      <div className="comment__meta">
        <AuthorAvatar name={comment.authorName} color={comment.authorColor} />
        <span className="comment__author">{comment.authorName}</span>
        <time className="comment__time" dateTime={comment.createdAt} title={new Date(comment.createdAt).toLocaleString()}>
          {formatCommentTime(comment.createdAt, new Date())}
        </time>
        {comment.editedAt && !comment.deleted && <span className="comment__edited">(edited)</span>}
      </div>
      {comment.deleted ? (
        <p className="comment__body comment__body--deleted">Comment deleted</p>
      ) : editing !== null ? (
        <form
          className="comment__edit"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <MentionTextarea label="Edit comment" value={editing} onChange={setEditing} people={people} onSubmit={() => void save()} autoFocus disabled={busy} />
          <div className="comment-actions">
            <button type="submit" className="comment-button comment-button--primary" disabled={busy || editing.trim() === ''}>
              Save
            </button>
            <button type="button" className="comment-button" onClick={() => setEditing(null)} disabled={busy}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <CommentBody comment={comment} />
      )}
      {pending && (
        <p className={`comment__pending${pending.error ? ' comment__pending--error' : ''}`} role={pending.error ? 'alert' : undefined}>
          {pending.error ? `Not sent: ${pending.error}` : 'Pending — sends when back online'}{' '}
          <button type="button" className="comment-link" onClick={pending.onDiscard}>
            Discard
          </button>
        </p>
      )}
      <PendingActions entries={waiting} />
      {own && !comment.deleted && editing === null && (
        <div className="comment-actions comment-actions--quiet">
          <button type="button" className="comment-link" onClick={() => setEditing(comment.body)}>
            Edit
          </button>
          <button type="button" className="comment-link" disabled={busy} onClick={() => void run(async () => void (await outbox.submit({ kind: 'delete', threadId, commentId: comment.id })))}>
            Delete
          </button>
        </div>
      )}
      <CommentError error={error} />
    </li>
  );
}
