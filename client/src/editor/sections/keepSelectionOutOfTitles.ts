import { Extension } from '@tiptap/core';
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';
import type { EditorState, Transaction } from '@tiptap/pm/state';
import { SECTION_TITLE_NODE } from '@lcs/shared';
import { textPosOutsideTitles } from './textPosOutsideTitles.ts';

/**
 * The selection to use instead of one whose head rests in a section title, or null when it does
 * not. Titles are not editable on screen, so a cursor in one would let the browser's own Delete or
 * Backspace act on the text beside it. The cursor moves on in the direction it was going: a click
 * on a title (or a remote change) lands at the start of that section's content, an arrow key up
 * or left lands at the end of the content before the section.
 */
export function selectionOutsideTitles(state: EditorState, previous: EditorState, byPointer: boolean): TextSelection | null {
  const { selection, doc } = state;
  if (selection instanceof NodeSelection && selection.node.type.name === SECTION_TITLE_NODE) {
    const pos = textPosOutsideTitles(doc, selection.to, 1);
    return pos === null ? null : TextSelection.create(doc, pos);
  }
  if (!(selection instanceof TextSelection)) return null;
  const { $head, $anchor } = selection;
  if ($head.parent.type.name !== SECTION_TITLE_NODE) return null;
  const backward = !byPointer && selection.head < previous.selection.head;
  const head =
    (backward ? textPosOutsideTitles(doc, $head.before(), -1) : textPosOutsideTitles(doc, $head.after(), 1)) ??
    (backward ? textPosOutsideTitles(doc, $head.after(), 1) : textPosOutsideTitles(doc, $head.before(), -1));
  if (head === null) return null;
  // A range that starts and ends in the same title collapses; one that reaches into a title from
  // outside keeps its anchor.
  const anchor = selection.empty || $anchor.parent === $head.parent ? head : selection.anchor;
  return TextSelection.create(doc, anchor, head);
}

const isPointer = (transactions: readonly Transaction[]) => transactions.some((tr) => tr.getMeta('pointer'));

/** Keeps the cursor out of section titles (see `selectionOutsideTitles`). */
export const KeepSelectionOutOfTitles = Extension.create({
  name: 'keepSelectionOutOfTitles',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('keepSelectionOutOfTitles'),
        appendTransaction(transactions, oldState, newState) {
          const moved = selectionOutsideTitles(newState, oldState, isPointer(transactions));
          return moved ? newState.tr.setSelection(moved) : null;
        },
      }),
    ];
  },
});
