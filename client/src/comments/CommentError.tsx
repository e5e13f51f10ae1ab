import { sendErrorMessage } from './sendErrors.ts';

/** Why the last action of a card or form failed, announced to screen readers; nothing when it did not. */
export function CommentError({ error }: { error: unknown }) {
  if (error === null || error === undefined) return null;
  return (
    <p className="comment-error" role="alert">
      {sendErrorMessage(error)}
    </p>
  );
}
