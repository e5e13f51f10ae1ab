import { describe, expect, it } from 'vitest';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { EditorState, TextSelection } from '@tiptap/pm/state';
import { ACTION_PLAN_TABLE_COLUMNS, buildParagraph, buildSection, buildTable } from '@lcs/shared';
import { buildBuiltinStrategy, buildDoc } from '../sections/testDocs.ts';
import { caretForCellClick, cellPosAt } from './clickInTableCell.ts';

/** Position before each cell of the first table whose heading row starts with `firstHeading`, by row. */
function tableCells(doc: ProseMirrorNode, firstHeading: string): number[][] {
  let rows: number[][] | null = null;
  doc.descendants((node, pos) => {
    if (rows) return false;
    if (node.type.name !== 'table' || node.firstChild?.firstChild?.textContent !== firstHeading) return true;
    rows = [];
    node.forEach((row, rowOffset) => {
      const cells: number[] = [];
      row.forEach((_cell, cellOffset) => cells.push(pos + 1 + rowOffset + 1 + cellOffset));
      rows!.push(cells);
    });
    return false;
  });
  if (!rows) throw new Error(`no table starting with "${firstHeading}"`);
  return rows;
}

/** The position ProseMirror gives a click below a cell's paragraphs: the end of the cell's content. */
const endOfCell = (doc: ProseMirrorNode, cellPos: number) => cellPos + doc.nodeAt(cellPos)!.nodeSize - 1;

const INDICATOR = ACTION_PLAN_TABLE_COLUMNS.indexOf('Indicator');

describe('a click in the empty space of a table cell', () => {
  const doc = buildBuiltinStrategy();
  const [heading, firstRow] = tableCells(doc, 'Action');
  const indicator = firstRow![INDICATOR]!;
  const budget = firstRow![INDICATOR + 1]!;

  it('would, left to ProseMirror, put the caret in the next cell (the bug)', () => {
    const state = EditorState.create({ doc });
    const $click = state.doc.resolve(endOfCell(doc, indicator));
    expect(cellPosAt(doc, TextSelection.between($click, $click).head)).toBe(budget);
  });

  it('puts the caret in the clicked cell instead, at the end of its paragraph', () => {
    const caret = caretForCellClick(doc, indicator, endOfCell(doc, indicator))!;
    expect(caret).toBe(indicator + 2);
    expect(cellPosAt(doc, caret)).toBe(indicator);
    // A valid place to type: a text selection there stays there.
    expect(TextSelection.create(doc, caret).$head.parent.type.name).toBe('paragraph');
  });

  it('does the same in a heading cell', () => {
    const cell = heading![INDICATOR]!;
    const caret = caretForCellClick(doc, cell, endOfCell(doc, cell))!;
    expect(caret).toBe(cell + 2 + 'Indicator'.length);
    expect(cellPosAt(doc, caret)).toBe(cell);
  });

  it('leaves a click that already lands in the cell’s paragraph to ProseMirror', () => {
    expect(caretForCellClick(doc, indicator, indicator + 2)).toBeNull();
    expect(caretForCellClick(doc, heading![0]!, heading![0]! + 4)).toBeNull();
  });

  it('keeps a click resolved outside the cell in the clicked cell', () => {
    // Resolved into the next cell's paragraph: the end of the clicked one.
    expect(caretForCellClick(doc, indicator, budget + 2)).toBe(indicator + 2);
    // Resolved before the cell: the start of its first paragraph.
    expect(caretForCellClick(doc, indicator, indicator)).toBe(indicator + 2);
  });

  it('ignores a position that is not a cell', () => {
    expect(caretForCellClick(doc, firstRow![0]! - 1, endOfCell(doc, indicator))).toBeNull();
  });
});

describe('a click below the paragraphs of a cell holding several blocks', () => {
  const table = buildTable(['Indicator', 'Budget'], [['', 'Ten thousand']]);
  // The first body cell holds a paragraph, a list, and a last paragraph "Last".
  const indicatorCell = table.content![1]!.content![0]!;
  indicatorCell.content = [
    buildParagraph('First'),
    { type: 'bulletList', content: [{ type: 'listItem', content: [buildParagraph('Item')] }] },
    buildParagraph('Last'),
  ];
  const doc = buildDoc({ type: 'doc', content: [buildSection('plan', { title: 'Plan', content: [table] })] });
  const [, row] = tableCells(doc, 'Indicator');
  const cell = row![0]!;
  const posOf = (text: string) => {
    let found = -1;
    doc.descendants((node, pos) => {
      if (found < 0 && node.isText && node.text === text) found = pos;
      return found < 0;
    });
    return found;
  };

  it('lands at the end of the cell’s last textblock', () => {
    expect(doc.check()).toBeUndefined();
    expect(caretForCellClick(doc, cell, endOfCell(doc, cell))).toBe(posOf('Last') + 'Last'.length);
  });

  it('lands at the end of the block before a gap between blocks', () => {
    // Between the list and the last paragraph: the end of the list's item.
    const afterList = posOf('Last') - 1;
    expect(caretForCellClick(doc, cell, afterList)).toBe(posOf('Item') + 'Item'.length);
  });

  it('finds the cell from a position inside it, or right before it', () => {
    expect(cellPosAt(doc, cell)).toBe(cell);
    expect(cellPosAt(doc, cell + 1)).toBe(cell);
    expect(cellPosAt(doc, posOf('Item'))).toBe(cell);
    expect(cellPosAt(doc, 2)).toBeNull();
  });
});
