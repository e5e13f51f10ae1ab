import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { Editor } from '@tiptap/core';
import { commentHighlightsKey } from '../editor/comments/commentHighlights.ts';
import type { CommentHighlightsState } from '../editor/comments/commentHighlights.ts';

/** What the panel reads of the highlight plugin's state (not its decorations). */
export type CommentsState = Pick<CommentHighlightsState, 'threads' | 'ranges' | 'selectedId'>;

const emptyState: CommentsState = { threads: [], ranges: new Map(), selectedId: null };

/**
 * The threads, where their text is, and the selected one, exactly as the editor shows them (this
 * person's waiting actions included, see `setThreadsOverlay`): the panel reads the highlight
 * plugin's state, so cards and highlights never disagree. The same object
 * comes back until one of those changes, so typing that moves no thread re-renders nothing.
 */
export function useCommentsState(editor: Editor): CommentsState {
  const last = useRef<CommentsState>(emptyState);
  const subscribe = useCallback(
    (onChange: () => void) => {
      editor.on('transaction', onChange);
      return () => {
        editor.off('transaction', onChange);
      };
    },
    [editor],
  );
  const read = () => {
    const state = editor.isDestroyed ? null : commentHighlightsKey.getState(editor.state);
    if (!state) return emptyState;
    const previous = last.current;
    if (state.threads !== previous.threads || state.ranges !== previous.ranges || state.selectedId !== previous.selectedId) {
      last.current = { threads: state.threads, ranges: state.ranges, selectedId: state.selectedId };
    }
    return last.current;
  };
  return useSyncExternalStore(subscribe, read);
}
