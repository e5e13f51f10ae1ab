import { useEffect, useRef } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { CollabSession } from '../collab/createCollabSession.ts';
import type { Identity } from '../lib/identity.ts';
import { collaborativeExtensions } from './collaborativeExtensions.ts';
import { EditorToolbar } from './EditorToolbar.tsx';

export interface CollaborativeEditorProps {
  session: CollabSession;
  identity: Identity;
}

/** The toolbar and the editable document, bound to the session's Y.Doc. */
export function CollaborativeEditor({ session, identity }: CollaborativeEditorProps) {
  // The caret extension takes the identity once at creation; later changes go through updateUser.
  const initialIdentity = useRef(identity);
  const editor = useEditor(
    {
      extensions: collaborativeExtensions({ ydoc: session.ydoc, provider: session.provider, user: initialIdentity.current }),
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
    if (editor && !editor.isDestroyed) editor.commands.updateUser({ ...identity });
  }, [editor, identity]);

  if (!editor) return null;
  return (
    <div className="editor">
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} className="editor__content" />
    </div>
  );
}
