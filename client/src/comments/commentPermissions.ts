import type { StrategySummary } from '../lib/documentsApi.ts';

/** What a person may do with the threads of a document (the server checks the same rule). */
export interface CommentPermissions {
  /** Start threads, suggest changes, reply, edit and delete their own comments. */
  comment: boolean;
  /** Resolve and reopen threads. */
  resolve: boolean;
  /** Accept and reject suggestions. */
  decide: boolean;
  /** Switch between editing and suggesting; experts only ever suggest. */
  chooseMode: boolean;
}

/** Members and facilitators (edit) do everything; experts (comment) comment and suggest; observers read. */
export function commentPermissions(access: StrategySummary['access']): CommentPermissions {
  const edit = access === 'edit';
  return { comment: access !== 'read', resolve: edit, decide: edit, chooseMode: edit };
}
