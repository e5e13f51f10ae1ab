/**
 * Comment threads and suggestions live in the strategy's Y.Doc, in the root map `threads`, which only
 * the server writes (after checking the request's author and role); every client reads it live and
 * offline like the body. Anchors are Yjs relative positions into the body, so they follow the text.
 */
export const THREADS_ROOT = 'threads';

export type SuggestionStatus = 'pending' | 'accepted' | 'rejected';

export interface ThreadComment {
  id: string;
  authorId: string;
  authorName: string;
  authorColor: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
}

export interface Thread {
  id: string;
  /** Base64 Yjs relative positions of the anchored range in the body. */
  anchor: { start: string; end: string };
  /** The anchored text when the thread was made, shown when that text is gone. */
  quote: string;
  authorId: string;
  authorName: string;
  authorColor: string;
  createdAt: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
  suggestion: { replacement: string; status: SuggestionStatus; decidedBy: string | null; decidedAt: string | null } | null;
  comments: ThreadComment[];
}
