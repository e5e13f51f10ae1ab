import type { Editor } from '@tiptap/core';
import { normalizeHref } from './normalizeHref.ts';

/**
 * Asks for a link address and applies it to the selection (or inserts the address as a linked
 * text at the caret). An empty answer removes the link under the caret.
 */
export function promptForLink(editor: Editor): void {
  const current = editor.getAttributes('link').href as string | undefined;
  const answer = window.prompt('Link address (leave empty to remove the link)', current ?? '');
  if (answer === null) return;
  const href = normalizeHref(answer);
  if (href === null) {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    return;
  }
  if (!editor.can().setLink({ href })) {
    window.alert(`“${href}” cannot be used as a link address.`);
    return;
  }
  const { empty } = editor.state.selection;
  if (empty && !editor.isActive('link')) {
    editor
      .chain()
      .focus()
      .insertContent({ type: 'text', text: href, marks: [{ type: 'link', attrs: { href } }] })
      .run();
    return;
  }
  editor.chain().focus().extendMarkRange('link').setLink({ href }).run();
}
