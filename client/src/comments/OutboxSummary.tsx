import type { Thread } from '@lcs/shared';
import { waitingEntries } from './commentOutbox.ts';
import type { OutboxEntry } from './commentOutbox.ts';
import { useComments } from './commentsContext.ts';
import { actionName } from './pendingChanges.ts';

/** "Resolve on “public library”": an action and the thread it was on. */
function describe(entry: OutboxEntry, threads: readonly Thread[]): string {
  const quote = entry.kind === 'thread' ? entry.body.quote : threads.find((t) => t.id === entry.threadId)?.quote;
  return quote ? `${actionName(entry)} on “${quote.slice(0, 40)}”` : actionName(entry);
}

/**
 * Above the threads: how many of this person's comment actions wait to be sent, and each action
 * that was refused when it was sent and why (an edit of a comment deleted meanwhile, an accept of
 * a suggestion someone else decided first, …), until the person dismisses it. Refused new threads
 * and replies are shown where they would have appeared instead, with their reason.
 */
export function OutboxSummary({ threads }: { threads: readonly Thread[] }) {
  const { outbox } = useComments();
  const waiting = waitingEntries(outbox.entries).length;
  const refused = outbox.entries.filter((e) => e.error !== null && e.kind !== 'thread' && e.kind !== 'reply');
  if (waiting === 0 && refused.length === 0) return null;
  return (
    <div data-testid="outbox-summary">
      {waiting > 0 && (
        <p className="comments-panel__notice" role="status" data-testid="outbox-waiting">
          {waiting === 1 ? '1 comment change waits' : `${waiting} comment changes wait`} on this device, to be sent when the connection is back.
        </p>
      )}
      {refused.length > 0 && (
        <div className="comment-error" role="alert" data-testid="outbox-refused">
          Not done:
          <ul>
            {refused.map((entry) => (
              <li key={entry.id}>
                {describe(entry, threads)}: {entry.error}{' '}
                <button type="button" className="comment-link" onClick={() => outbox.discard(entry.id)}>
                  Dismiss
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
