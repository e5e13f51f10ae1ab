import { memo, useState } from 'react';
import type { CSSProperties } from 'react';
import type { Thread, ThreadComment } from '@lcs/shared';
import { isPointThread } from '../editor/comments/threadAnchors.ts';
import { safeColor } from '../editor/comments/threadDecorations.ts';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { AuthorAvatar } from './AuthorAvatar.tsx';
import type { OutboxEntry } from './commentOutbox.ts';
import { CommentError } from './CommentError.tsx';
import { useComments } from './commentsContext.ts';
import { CommentView } from './CommentView.tsx';
import { formatCommentTime } from './formatCommentTime.ts';
import { mentionedIds } from './mentions.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import { entriesFor } from './pendingChanges.ts';
import { PendingActions } from './PendingActions.tsx';
import { acceptRequest } from './suggestionDecisions.ts';
import { isOpenThread } from './threadFilters.ts';

export interface ThreadCardProps {
  thread: Thread;
  detached: boolean;
  selected: boolean;
  /** Comments by others this person has not seen yet. */
  unseen: number;
  /** Replies written offline that wait to be sent. */
  pendingReplies: readonly OutboxEntry[];
  onSelect: (thread: Thread) => void;
}

/** What the suggestion proposes, in words. */
function SuggestionSummary({ thread }: { thread: Thread }) {
  const { replacement, status } = thread.suggestion!;
  const verdict = status === 'pending' ? null : <span className={`thread-card__chip thread-card__chip--${status}`}>{status === 'accepted' ? 'Accepted' : 'Rejected'}</span>;
  return (
    <p className="thread-card__suggestion" data-testid="suggestion-summary">
      {thread.quote === '' ? (
        <>
          Insert <ins>{replacement}</ins>
        </>
      ) : replacement === '' ? (
        <>
          Delete <del>{thread.quote}</del>
        </>
      ) : (
        <>
          Replace <del>{thread.quote}</del> with <ins>{replacement}</ins>
        </>
      )}{' '}
      {verdict}
    </p>
  );
}

function pendingComment(entry: OutboxEntry, me: { id: string; displayName: string; color: string }): ThreadComment {
  const { body, mentions } =
    entry.kind === 'reply' ? entry.body : entry.kind === 'thread' ? { body: entry.body.body ?? '', mentions: entry.body.mentions ?? [] } : { body: '', mentions: [] };
  return { id: entry.id, authorId: me.id, authorName: me.displayName, authorColor: me.color, body, mentions, createdAt: entry.createdAt, editedAt: null, deleted: false };
}

/** One thread or suggestion in the margin: its text, comments, replies and what can be done with it. */
export const ThreadCard = memo(function ThreadCard({ thread, detached, selected, unseen, pendingReplies, onSelect }: ThreadCardProps) {
  const { editor, me, people, permissions, outbox } = useComments();
  const [reply, setReply] = useState('');
  const action = useFormSubmit();
  const replying = useFormSubmit();
  const open = isOpenThread(thread);
  // Resolves are already shown as done (see withPendingChanges); a waiting decision replaces the buttons.
  const waiting = entriesFor(outbox.entries, thread.id).filter((e) => e.error === null);
  const deciding = waiting.some((e) => e.kind === 'decide');
  const pendingSuggestion = thread.suggestion?.status === 'pending';
  const status = thread.resolved ? 'resolved' : (thread.suggestion && thread.suggestion.status !== 'pending' ? thread.suggestion.status : 'open');
  const label = `${thread.suggestion ? 'Suggestion' : 'Comment'} by ${thread.authorName}${thread.quote ? ` on “${thread.quote.slice(0, 60)}”` : ''}`;

  const sendReply = async () => {
    const body = reply.trim();
    if (!body) return;
    const done = await replying.run(async () => {
      await outbox.submit({ kind: 'reply', threadId: thread.id, body: { body, mentions: mentionedIds(body, people) } });
    });
    if (done) setReply('');
  };

  return (
    <article
      className={`thread-card${selected ? ' thread-card--selected' : ''}${open ? '' : ' thread-card--done'}`}
      style={{ '--comment-color': safeColor(thread.authorColor) } as CSSProperties}
      data-testid="thread-card"
      data-thread-id={thread.id}
      data-status={status}
      data-detached={detached ? 'true' : undefined}
      data-selected={selected ? 'true' : undefined}
      aria-label={label}
      aria-current={selected ? 'true' : undefined}
      tabIndex={0}
      onClick={(event) => {
        // Buttons, fields and links inside the card do their own thing.
        if (!(event.target instanceof Element && event.target.closest('button, textarea, input, a, form'))) onSelect(thread);
      }}
      onKeyDown={(event) => {
        if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
          event.preventDefault();
          onSelect(thread);
        }
      }}
    >
      <header className="thread-card__header">
        <AuthorAvatar name={thread.authorName} color={thread.authorColor} />
        <span className="thread-card__author">{thread.authorName}</span>
        <time className="thread-card__time" dateTime={thread.createdAt} title={new Date(thread.createdAt).toLocaleString()}>
          {formatCommentTime(thread.createdAt, new Date())}
        </time>
        {thread.resolved && <span className="thread-card__chip">Resolved</span>}
        {unseen > 0 && (
          <span className="thread-card__unread" data-testid="unread-marker" role="img" aria-label={`${unseen} new ${unseen === 1 ? 'comment' : 'comments'}`} />
        )}
      </header>
      {detached && thread.suggestion?.status !== 'accepted' && (
        <p className="thread-card__detached" data-testid="detached-notice">
          {isPointThread(thread) ? 'Detached — the text around this point was deleted' : 'Detached — the text was deleted'}
        </p>
      )}
      {thread.suggestion ? (
        <SuggestionSummary thread={thread} />
      ) : (
        thread.quote && <blockquote className="thread-card__quote">{thread.quote}</blockquote>
      )}
      {(thread.comments.length > 0 || pendingReplies.length > 0) && (
        <ol className="thread-card__comments">
          {thread.comments.map((comment) => (
            <CommentView key={comment.id} threadId={thread.id} comment={comment} />
          ))}
          {pendingReplies.map((entry) => (
            <CommentView key={entry.id} threadId={thread.id} comment={pendingComment(entry, me)} pending={{ error: entry.error, onDiscard: () => outbox.discard(entry.id) }} />
          ))}
        </ol>
      )}
      {selected && permissions.comment && (
        <form
          className="thread-card__reply"
          onSubmit={(event) => {
            event.preventDefault();
            void sendReply();
          }}
        >
          <MentionTextarea label="Reply" value={reply} onChange={setReply} people={people} onSubmit={() => void sendReply()} placeholder="Reply… (@ to mention)" disabled={replying.pending} />
          {reply.trim() !== '' && (
            <div className="comment-actions">
              <button type="submit" className="comment-button comment-button--primary" disabled={replying.pending}>
                Reply
              </button>
            </div>
          )}
          <CommentError error={replying.error} />
        </form>
      )}
      {/* A pending suggestion is settled by a decision; once decided it can be resolved like a thread. */}
      <PendingActions entries={waiting} />
      {(permissions.decide && pendingSuggestion && !deciding) || (permissions.resolve && !pendingSuggestion) ? (
        <div className="comment-actions thread-card__actions">
          {permissions.decide && pendingSuggestion && !deciding && (
            <>
              <button
                type="button"
                className="comment-button comment-button--accept"
                disabled={action.pending || detached}
                title={detached ? `The text ${isPointThread(thread) ? 'around this point ' : ''}was deleted: this suggestion can only be rejected` : undefined}
                onClick={() => void action.run(async () => void (await outbox.submit(acceptRequest(editor, thread))))}
              >
                Accept
              </button>
              <button
                type="button"
                className="comment-button"
                disabled={action.pending}
                onClick={() => void action.run(async () => void (await outbox.submit({ kind: 'decide', threadId: thread.id, decision: 'rejected' })))}
              >
                Reject
              </button>
            </>
          )}
          {permissions.resolve && !pendingSuggestion && (
            <button
              type="button"
              className="comment-button"
              disabled={action.pending}
              onClick={() => void action.run(async () => void (await outbox.submit({ kind: 'resolve', threadId: thread.id, resolved: !thread.resolved })))}
            >
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </div>
      ) : null}
      <CommentError error={action.error} />
    </article>
  );
});
