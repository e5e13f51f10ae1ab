import type { Editor } from '@tiptap/core';
import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { ProsemirrorBinding } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CursorInSection } from '../../components/outline/presence.ts';
import { sectionKeyAt } from './sectionKeyAt.ts';

/**
 * The section each other person's cursor is in now. The collaboration caret publishes the cursor
 * in awareness as Yjs relative positions (`cursor.head`); they are turned into this editor's
 * positions through the Yjs binding's mapping, as y-tiptap does to draw the carets.
 */
export function readRemoteCursors(editor: Editor, awareness: Awareness): CursorInSection[] {
  const sync = ySyncPluginKey.getState(editor.state) as { doc: Y.Doc; type: Y.XmlFragment; binding: ProsemirrorBinding | null } | undefined;
  const mapping = sync?.binding?.mapping;
  // Before the binding has rendered the document, there is nothing to map positions to.
  if (!sync || !mapping || mapping.size === 0) return [];
  const { doc } = editor.state;
  const cursors: CursorInSection[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const head: unknown = state?.cursor?.head;
    if (clientId === awareness.clientID || head == null) return;
    let pos: number | null;
    try {
      pos = relativePositionToAbsolutePosition(sync.doc, sync.type, Y.createRelativePositionFromJSON(head), mapping);
    } catch {
      // A malformed position from another client must not break the outline.
      return;
    }
    const sectionKey = pos === null ? null : sectionKeyAt(doc, pos);
    if (sectionKey !== null) cursors.push({ clientId, user: state.user, sectionKey });
  });
  return cursors;
}
