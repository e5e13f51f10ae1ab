import type { Thread, ThreadComment } from '@lcs/shared';
import type { OutboxEntry } from './commentOutbox.ts';

/** Who is acting: what an optimistic change records as its author. */
export interface Actor {
  id: string;
}

type Change = Extract<OutboxEntry, { kind: 'edit' | 'delete' | 'resolve' }>;
const isOptimistic = (entry: OutboxEntry): entry is Change & { error: null } =>
  entry.error === null && (entry.kind === 'edit' || entry.kind === 'delete' || entry.kind === 'resolve');

function changeComment(comment: ThreadComment, entry: Change): ThreadComment {
  if (entry.kind === 'edit' && !comment.deleted) return { ...comment, body: entry.body.body, mentions: entry.body.mentions, editedAt: entry.createdAt };
  if (entry.kind === 'delete') return { ...comment, deleted: true, body: '' };
  return comment;
}

function change(thread: Thread, entry: Change, me: Actor): Thread {
  if (entry.kind === 'resolve') {
    if (thread.resolved === entry.resolved) return thread;
    return { ...thread, resolved: entry.resolved, resolvedBy: entry.resolved ? me.id : null, resolvedAt: entry.resolved ? entry.createdAt : null };
  }
  const index = thread.comments.findIndex((c) => c.id === entry.commentId);
  if (index < 0) return thread;
  const comments = [...thread.comments];
  comments[index] = changeComment(comments[index]!, entry);
  return { ...thread, comments };
}

/**
 * The threads as they will be once this person's waiting edits, deletions and resolves are sent,
 * so the panel shows those at once, as it does online (each marked pending on its card). These
 * are applied in the order they were taken, as the server will apply them; the server's threads
 * are never changed. Decisions on suggestions are not applied: whether an accept goes through is
 * for the server to say, and its text changes only then. Refused entries are not applied either.
 * Threads nothing waits for keep their identity, so their cards do not re-render.
 */
export function withPendingChanges(threads: readonly Thread[], entries: readonly OutboxEntry[], me: Actor): readonly Thread[] {
  const changes = entries.filter(isOptimistic);
  if (changes.length === 0) return threads;
  const byId = new Map(threads.map((t) => [t.id, t]));
  let changed = false;
  for (const entry of changes) {
    const thread = byId.get(entry.threadId);
    const next = thread && change(thread, entry, me);
    if (next && next !== thread) {
      byId.set(entry.threadId, next);
      changed = true;
    }
  }
  return changed ? threads.map((t) => byId.get(t.id)!) : threads;
}

/** What a waiting or refused action does, in a few words ("Resolve", "Edit", …). */
export function actionName(entry: OutboxEntry): string {
  switch (entry.kind) {
    case 'thread':
      return entry.body.suggestion ? 'New suggestion' : 'New comment';
    case 'reply':
      return 'Reply';
    case 'edit':
      return 'Edit';
    case 'delete':
      return 'Delete';
    case 'resolve':
      return entry.resolved ? 'Resolve' : 'Reopen';
    case 'decide':
      return entry.decision === 'accepted' ? 'Accept' : 'Reject';
  }
}

/** The person's waiting or refused actions on one thread (not its replies), or on one of its comments. */
export function entriesFor(entries: readonly OutboxEntry[], threadId: string, commentId?: string): OutboxEntry[] {
  return entries.filter((e) => {
    if (e.kind === 'thread' || e.kind === 'reply' || e.threadId !== threadId) return false;
    const onComment = e.kind === 'edit' || e.kind === 'delete';
    return commentId === undefined ? !onComment : onComment && e.commentId === commentId;
  });
}
