import { Fragment, Slice } from '@tiptap/pm/model';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Selection } from '@tiptap/pm/state';
import type { Command, EditorState, Transaction } from '@tiptap/pm/state';
import { SECTION_NODE, SECTION_TITLE_NODE } from '../coverage/strategyDocument.ts';
import { freeContentRanges, sectionsIntact } from './sectionOutline.ts';

// Editing commands that do what the author meant by a deletion spanning sections (clear what is
// between the titles) instead of what ProseMirror would do (merge the sections, losing titles).
// Each one steps aside (returns null or false) when the ordinary edit keeps every section anyway.

/**
 * Deletes `from`–`to` from each section's own content (and from loose blocks beside sections),
 * keeping every section and title; a section whose content is wholly deleted keeps one empty
 * paragraph to write in. Puts the cursor where the deletion began. Returns false when the range
 * holds nothing an author may delete.
 */
export function clearRangeKeepingSections(tr: Transaction, from: number, to: number): boolean {
  const pieces = freeContentRanges(tr.doc)
    .map((range) => ({ range, from: Math.max(from, range.from), to: Math.min(to, range.to) }))
    .filter((piece) => piece.from < piece.to);
  if (pieces.length === 0) return false;
  // The cursor goes where the deletion began, in the first piece that leaves something to write in.
  const first = pieces.find((piece) => piece.range.keepOne || piece.from > piece.range.from || piece.to < piece.range.to) ?? pieces[0]!;
  const paragraph = tr.doc.type.schema.nodes.paragraph!;
  // Last piece first, so the positions of the pieces before it stay valid.
  for (const piece of pieces.reverse()) {
    const whole = piece.from === piece.range.from && piece.to === piece.range.to;
    if (whole && piece.range.keepOne) tr.replaceWith(piece.from, piece.to, paragraph.create());
    else tr.delete(piece.from, piece.to);
  }
  tr.setSelection(Selection.near(tr.doc.resolve(tr.mapping.map(first.from)), 1));
  return true;
}

/** Deletes the selection (Backspace, Delete, cut); across sections it clears their content instead. */
export const deleteSelectionKeepingSections: Command = (state, dispatch) => {
  const { selection } = state;
  if (selection.empty || sectionsIntact(state.doc, state.tr.deleteSelection().doc)) return false;
  const tr = state.tr;
  // Nothing deletable selected (e.g. part of a title only): refuse rather than let the key through.
  if (clearRangeKeepingSections(tr, selection.from, selection.to) && dispatch) dispatch(tr.scrollIntoView());
  return true;
};

/** Backspace at the very start of a section's first block would pull that block into the title. */
export const refuseJoinIntoTitle: Command = (state) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parentOffset > 0 || $from.depth < 2) return false;
  return $from.node(-1).type.name === SECTION_NODE && $from.index(-1) === 1;
};

/** Delete at the end of a title would pull the section's first block into the title. */
export const refuseJoinOutOfTitle: Command = (state) => {
  const { $from, empty } = state.selection;
  return empty && $from.parent.type.name === SECTION_TITLE_NODE && $from.parentOffset === $from.parent.content.size;
};

/**
 * Replaces `from`–`to` by whatever `insert` adds at the cursor, clearing across sections first.
 * Returns null when the ordinary replacement (`plain`) keeps every section; otherwise the
 * transaction to dispatch (without steps when there was nothing to clear).
 */
function replaceKeepingSections(state: EditorState, from: number, to: number, plain: Transaction, insert: (tr: Transaction) => void): Transaction | null {
  if (from === to || sectionsIntact(state.doc, plain.doc)) return null;
  const tr = state.tr;
  if (clearRangeKeepingSections(tr, from, to)) insert(tr);
  return tr.scrollIntoView();
}

/** Typing over a selection that spans sections. */
export function textInputKeepingSections(state: EditorState, from: number, to: number, text: string): Transaction | null {
  return replaceKeepingSections(state, from, to, state.tr.insertText(text, from, to), (tr) => tr.insertText(text));
}

/** Pasting over a selection that spans sections. */
export function pasteKeepingSections(state: EditorState, slice: Slice): Transaction | null {
  const { from, to } = state.selection;
  return replaceKeepingSections(state, from, to, state.tr.replaceSelection(slice), (tr) => tr.replaceSelection(slice));
}

const isSectionish = (node: ProseMirrorNode) => node.type.name === SECTION_NODE || node.type.name === SECTION_TITLE_NODE;

/**
 * Pasted content never brings sections along (that would duplicate keys and titles): a copied
 * section becomes its content, and its title an ordinary heading.
 */
export function stripSections(slice: Slice): Slice {
  let found = false;
  slice.content.forEach((node) => {
    found ||= isSectionish(node);
  });
  if (!found) return slice;
  const { schema } = slice.content.firstChild!.type;
  const heading = schema.nodes.heading;
  const flatten = (fragment: Fragment): ProseMirrorNode[] => {
    const nodes: ProseMirrorNode[] = [];
    fragment.forEach((node) => {
      if (node.type.name === SECTION_NODE) nodes.push(...flatten(node.content));
      else if (node.type.name === SECTION_TITLE_NODE) nodes.push(heading ? heading.create({ level: node.attrs.level }, node.content) : schema.nodes.paragraph!.create(null, node.content));
      else nodes.push(node);
    });
    return nodes;
  };
  // Each section on an open edge of the slice was one level of openness; it is gone now.
  const sectionsOnEdge = (open: number, side: 'firstChild' | 'lastChild') => {
    let count = 0;
    let node = slice.content[side];
    for (let depth = 0; depth < open && node; depth++, node = node[side]) if (node.type.name === SECTION_NODE) count++;
    return count;
  };
  return new Slice(Fragment.from(flatten(slice.content)), slice.openStart - sectionsOnEdge(slice.openStart, 'firstChild'), slice.openEnd - sectionsOnEdge(slice.openEnd, 'lastChild'));
}
