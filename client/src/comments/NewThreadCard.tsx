import { useId, useState } from 'react';
import type { EncodedAnchor } from '../editor/comments/threadAnchors.ts';
import { useFormSubmit } from '../hooks/useFormSubmit.ts';
import { CommentError } from './CommentError.tsx';
import { useComments } from './commentsContext.ts';
import { mentionedIds } from './mentions.ts';
import { MentionTextarea } from './MentionTextarea.tsx';
import type { PointContext } from './pointContext.ts';

/**
 * A thread being written: the text it is about, captured when "Comment" or "Suggest" was pressed;
 * or, for "Suggest insertion", a point (no quote) and the words around it, to show where it goes.
 */
export interface ThreadDraft {
  kind: 'comment' | 'suggestion';
  anchor: EncodedAnchor;
  quote: string;
  context?: PointContext;
}

export interface NewThreadCardProps {
  draft: ThreadDraft;
  onDone: (outcome: 'sent' | 'queued' | 'cancelled') => void;
}

/** What the suggested text does, in words, under its field. */
function suggestionHint(quote: string, replacement: string): string {
  if (quote === '') return replacement === '' ? 'Type the text to insert.' : 'Inserted at the marked point when accepted.';
  if (replacement === '') return 'Empty: suggests deleting the text.';
  return replacement === quote ? 'Change the text to suggest something.' : 'Replaces the selected text when accepted.';
}

/** The form for a new comment, or a suggested replacement or insertion with an optional comment. */
export function NewThreadCard({ draft, onDone }: NewThreadCardProps) {
  const { outbox, people } = useComments();
  const formId = useId();
  const suggesting = draft.kind === 'suggestion';
  const inserting = suggesting && draft.quote === '';
  const [body, setBody] = useState('');
  const [replacement, setReplacement] = useState(draft.quote);
  const { pending: busy, error, run } = useFormSubmit();
  const unchanged = suggesting && replacement === draft.quote;
  const canPost = suggesting ? !unchanged : body.trim() !== '';

  const post = async () => {
    if (!canPost || busy) return;
    const text = body.trim();
    let outcome: 'sent' | 'queued' = 'sent';
    const ok = await run(async () => {
      outcome = await outbox.submit({
        kind: 'thread',
        body: { anchor: draft.anchor, quote: draft.quote, body: text, mentions: mentionedIds(text, people), ...(suggesting ? { suggestion: { replacement } } : {}) },
      });
    });
    if (ok) onDone(outcome);
  };

  return (
    <form
      className="thread-card thread-card--draft"
      data-testid="new-thread"
      aria-label={inserting ? 'New insertion' : suggesting ? 'New suggestion' : 'New comment'}
      onSubmit={(event) => {
        event.preventDefault();
        void post();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone('cancelled');
      }}
    >
      {draft.quote && <blockquote className="thread-card__quote">{draft.quote}</blockquote>}
      {inserting && draft.context && (
        <blockquote className="thread-card__quote thread-card__quote--point" data-testid="insertion-point">
          {draft.context.before}
          <span className="thread-card__point" role="img" aria-label="insertion point" />
          {draft.context.after}
        </blockquote>
      )}
      {suggesting && (
        <div className="thread-card__field">
          <label htmlFor={`${formId}-replacement`}>{inserting ? 'Text to insert' : 'Suggested text'}</label>
          <input
            id={`${formId}-replacement`}
            className="thread-card__input"
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
            onFocus={(event) => event.currentTarget.select()}
            aria-describedby={`${formId}-hint`}
            autoFocus
            disabled={busy}
          />
          <small id={`${formId}-hint`} className="muted">
            {suggestionHint(draft.quote, replacement)}
          </small>
        </div>
      )}
      <MentionTextarea
        label={suggesting ? 'Comment (optional)' : 'Comment'}
        value={body}
        onChange={setBody}
        people={people}
        onSubmit={() => void post()}
        placeholder={suggesting ? 'Why? (optional, @ to mention)' : 'Add a comment… (@ to mention)'}
        autoFocus={!suggesting}
        disabled={busy}
      />
      <div className="comment-actions">
        <button type="submit" className="comment-button comment-button--primary" disabled={!canPost || busy}>
          {suggesting ? 'Post suggestion' : 'Post comment'}
        </button>
        <button type="button" className="comment-button" onClick={() => onDone('cancelled')} disabled={busy}>
          Cancel
        </button>
      </div>
      <CommentError error={error} />
    </form>
  );
}
