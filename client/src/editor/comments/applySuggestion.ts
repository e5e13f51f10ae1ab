import type { EditorState, Transaction } from '@tiptap/pm/state';
import type { AnchorRange } from './threadAnchors.ts';

/**
 * The one transaction that puts a suggestion's replacement in place of its range ('' deletes the
 * range; an empty range is an insertion). Plain text, never parsed as HTML; it takes the marks of
 * the text it replaces.
 */
export function suggestionTransaction(state: EditorState, range: AnchorRange, replacement: string): Transaction {
  const tr = state.tr;
  if (replacement === '') tr.delete(range.from, range.to);
  else tr.insertText(replacement, range.from, range.to);
  return tr;
}

/** Whether the editor would take `tr`: its plugins (the section guard) may refuse a change. */
export function wouldApply(state: EditorState, tr: Transaction): boolean {
  return state.applyTransaction(tr).state !== state;
}
