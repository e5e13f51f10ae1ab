import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import type { Editor } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import type { CollabSession } from '../collab/createCollabSession.ts';
import { useDocumentLoaded } from '../hooks/useDocumentLoaded.ts';
import { collaborativeExtensions } from './collaborativeExtensions.ts';
import type { CaretUser } from './collaborativeExtensions.ts';
import { EditorToolbar } from './EditorToolbar.tsx';

export interface CollaborativeEditorProps {
  session: CollabSession;
  user: CaretUser;
  /** False for people who may only read or comment: no typing, no toolbar. Can change while open. */
  editable: boolean;
  /** Shown after the editor (the strategy's outline and coverage), once there is an editor. */
  aside?: (editor: Editor) => ReactNode;
}

/** The toolbar and the document, bound to the session's Y.Doc. */
export function CollaborativeEditor({ session, user, editable: mayEdit, aside }: CollaborativeEditorProps) {
  // Until the document has loaded, typing would land outside every section: read-only till then.
  const loaded = useDocumentLoaded(session);
  const editable = mayEdit && loaded;
  // The editor is created once per session; later changes of user and editability are applied to it.
  const initial = useRef({ user, editable });
  const editor = useEditor(
    {
      extensions: collaborativeExtensions({ ydoc: session.ydoc, provider: session.provider, user: initial.current.user }),
      editable: initial.current.editable,
      editorProps: {
        attributes: {
          id: 'document-body',
          class: 'document-body',
          'data-testid': 'editor',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': 'Document body',
        },
      },
    },
    [session],
  );

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ ...user });
  }, [editor, user]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  if (!editor) return null;
  return (
    <>
      <div className="editor" data-editable={editable}>
        {editable && <EditorToolbar editor={editor} />}
        <EditorContent editor={editor} className="editor__content" />
      </div>
      {aside?.(editor)}
    </>
  );
}
