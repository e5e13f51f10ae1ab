import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { CellSelection } from '@tiptap/pm/tables';

// A click in the empty part of a table cell (below its last line, when another cell in the row is
// taller) is mapped by ProseMirror to the end of that cell, after its last paragraph: no place to
// type. ProseMirror then takes the nearest typing position searching forward, which is in the NEXT
// cell, so the text typed after clicking the empty Indicator cell of the action plan went into
// Budget. This plugin puts the caret in the cell that was clicked instead.

const isCell = (node: ProseMirrorNode) => {
  const role: unknown = node.type.spec.tableRole;
  return role === 'cell' || role === 'header_cell';
};

/**
 * The position just before the table cell at `pos`: the cell that starts there, else the innermost
 * cell holding `pos`. Null when `pos` is in no cell.
 */
export function cellPosAt(doc: ProseMirrorNode, pos: number): number | null {
  const $pos = doc.resolve(pos);
  if ($pos.nodeAfter && isCell($pos.nodeAfter)) return pos;
  for (let depth = $pos.depth; depth > 0; depth--) if (isCell($pos.node(depth))) return $pos.before(depth);
  return null;
}

/**
 * Where the caret goes after a click on the cell that starts at `cellPos`, which ProseMirror
 * resolved to `clickedPos`; null to leave the click to ProseMirror, because it already lands where
 * text can be typed in that cell (or the cell holds nowhere to type). Otherwise the nearest typing
 * position in the cell before the click (the end of the cell's last textblock for a click below it),
 * or failing that the first one after it.
 */
export function caretForCellClick(doc: ProseMirrorNode, cellPos: number, clickedPos: number): number | null {
  const cell = doc.nodeAt(cellPos);
  if (!cell || !isCell(cell)) return null;
  const start = cellPos + 1;
  const end = cellPos + cell.nodeSize - 1;
  if (clickedPos >= start && clickedPos <= end && doc.resolve(clickedPos).parent.inlineContent) return null;
  const $from = doc.resolve(Math.min(Math.max(clickedPos, start), end));
  const inCell = (found: Selection | null) => (found && found.from >= start && found.to <= end ? found.head : null);
  return inCell(Selection.findFrom($from, -1, true)) ?? inCell(Selection.findFrom($from, 1, true));
}

/** The innermost table cell (`td`/`th`) of this editor that the event happened in, if any. */
function clickedCellElement(view: EditorView, target: EventTarget | null): Element | null {
  if (!(target instanceof Element)) return null;
  const cell = target.closest('td, th');
  return cell && view.dom.contains(cell) ? cell : null;
}

/** A plain single click (ProseMirror calls `handleClick` for single clicks only, after mouseup). */
function handleClick(view: EditorView, pos: number, event: MouseEvent): boolean {
  if (event.button !== 0 || event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) return false;
  // A drag across cells made a cell selection: that is what the person wanted.
  if (view.state.selection instanceof CellSelection) return false;
  const element = clickedCellElement(view, event.target);
  if (!element) return false;
  let cellPos: number | null;
  try {
    cellPos = cellPosAt(view.state.doc, view.posAtDOM(element, 0));
  } catch {
    return false;
  }
  if (cellPos === null) return false;
  const caret = caretForCellClick(view.state.doc, cellPos, pos);
  if (caret === null) return false;
  if (!view.hasFocus()) view.focus();
  const selection = TextSelection.create(view.state.doc, caret);
  if (!view.state.selection.eq(selection)) view.dispatch(view.state.tr.setSelection(selection).setMeta('pointer', true));
  return true;
}

/** Keeps a click in a table cell's empty space in that cell (see `caretForCellClick`). Read-only editors too. */
export const ClickInTableCell = Extension.create({
  name: 'clickInTableCell',
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey('clickInTableCell'), props: { handleClick } })];
  },
});
