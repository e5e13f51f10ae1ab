import { createContext, useContext } from 'react';
import type { Editor } from '@tiptap/core';
import type { PersonDto } from '@lcs/shared';
import type { CommentPermissions } from './commentPermissions.ts';
import type { Outbox } from './useOutbox.ts';

/** What every card of the comments panel needs; provided once by the panel. */
export interface CommentsContextValue {
  editor: Editor;
  documentId: string;
  me: PersonDto;
  permissions: CommentPermissions;
  /** The workshop's people, for mentions (empty when there is no picker). */
  people: readonly PersonDto[];
  outbox: Outbox;
}

export const CommentsContext = createContext<CommentsContextValue | null>(null);

export function useComments(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (!value) throw new Error('useComments must be used inside the comments panel');
  return value;
}
