import type { CreateThreadBody, Thread } from '@lcs/shared';
import { requestJson } from './apiClient.ts';
import { isRecordWithId, readField } from './readField.ts';

const threadsPath = (documentId: string) => `/api/strategies/${encodeURIComponent(documentId)}/threads`;
const threadPath = (documentId: string, threadId: string) => `${threadsPath(documentId)}/${encodeURIComponent(threadId)}`;
const commentPath = (documentId: string, threadId: string, commentId: string) => `${threadPath(documentId, threadId)}/comments/${encodeURIComponent(commentId)}`;

/** A comment's text and the ids of the people it mentions. */
export interface CommentBody {
  body: string;
  mentions: string[];
}

/** `POST /api/strategies/:id/threads`: a comment thread or a suggestion (members, experts, facilitators). */
export async function createThread(documentId: string, body: CreateThreadBody): Promise<Thread> {
  return readField(await requestJson(threadsPath(documentId), { method: 'POST', json: body }), 'thread', isRecordWithId<Thread>);
}

/** `POST …/threads/:threadId/comments`: a reply; with an `id`, sending it again adds nothing. */
export async function addComment(documentId: string, threadId: string, body: CommentBody & { id?: string }): Promise<void> {
  await requestJson(`${threadPath(documentId, threadId)}/comments`, { method: 'POST', json: body });
}

/** `PATCH …/comments/:commentId`: only its author may. */
export async function editComment(documentId: string, threadId: string, commentId: string, body: CommentBody): Promise<void> {
  await requestJson(commentPath(documentId, threadId, commentId), { method: 'PATCH', json: body });
}

/** `DELETE …/comments/:commentId`: only its author may; the reply keeps its place as "deleted". */
export async function deleteComment(documentId: string, threadId: string, commentId: string): Promise<void> {
  await requestJson(commentPath(documentId, threadId, commentId), { method: 'DELETE' });
}

/** `POST …/threads/:threadId/resolve`: members and facilitators. */
export async function setThreadResolved(documentId: string, threadId: string, resolved: boolean): Promise<void> {
  await requestJson(`${threadPath(documentId, threadId)}/resolve`, { method: 'POST', json: { resolved } });
}

/**
 * `POST …/threads/:threadId/decision`: members and facilitators; 409 when already decided, except
 * when this same decision is sent again with the same `requestId`.
 */
export async function decideSuggestion(documentId: string, threadId: string, decision: 'accepted' | 'rejected', requestId?: string): Promise<void> {
  await requestJson(`${threadPath(documentId, threadId)}/decision`, { method: 'POST', json: { decision, requestId } });
}
