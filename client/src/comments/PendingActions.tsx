import type { OutboxEntry } from './commentOutbox.ts';
import { useComments } from './commentsContext.ts';
import { actionName } from './pendingChanges.ts';

/**
 * This person's actions on a thread or comment that wait to be sent (offline), each with a way to
 * take it back before it goes. What the server refused is listed by OutboxSummary instead.
 */
export function PendingActions({ entries }: { entries: readonly OutboxEntry[] }) {
  const { outbox } = useComments();
  if (entries.length === 0) return null;
  return (
    <>
      {entries.map((entry) => (
        <p key={entry.id} className="comment__pending" data-testid="pending-action" data-kind={entry.kind}>
          {actionName(entry)} pending — {entry.kind === 'decide' && entry.decision === 'accepted' ? 'the text changes when it is sent' : 'sends when back online'}{' '}
          <button type="button" className="comment-link" onClick={() => outbox.discard(entry.id)}>
            Undo
          </button>
        </p>
      ))}
    </>
  );
}
