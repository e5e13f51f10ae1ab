import { describe, expect, it } from 'vitest';
import { EditorState, NodeSelection, TextSelection } from '@tiptap/pm/state';
import { findSection } from '@lcs/shared/editor';
import { selectionOutsideTitles } from './keepSelectionOutOfTitles.ts';
import { textPosOutsideTitles } from './textPosOutsideTitles.ts';
import { buildTwoSections } from './testDocs.ts';

const doc = buildTwoSections();
const a = findSection(doc, 'a')!;
const b = findSection(doc, 'b')!;
const b1 = findSection(doc, 'b1')!;
const aContent = a.pos + 1 + a.node.child(0).nodeSize + 1; // start of "Alpha"
const aEnd = aContent + 'Alpha'.length;
const b1Content = b1.pos + 1 + b1.node.child(0).nodeSize + 1; // start of "Beta"
const inTitle = (section: typeof a, offset = 0) => section.pos + 2 + offset;

function stateAt(anchor: number, head = anchor): EditorState {
  return EditorState.create({ doc, selection: TextSelection.create(doc, anchor, head) });
}

describe('typing positions outside titles', () => {
  it('skip every title on the way, a parent’s and its subsection’s', () => {
    expect(textPosOutsideTitles(doc, b.pos, 1)).toBe(b1Content);
  });

  it('search backwards to the end of the content before', () => {
    expect(textPosOutsideTitles(doc, b.pos + 1, -1)).toBe(aEnd);
  });

  it('are none before the first section’s content', () => {
    expect(textPosOutsideTitles(doc, a.pos + 1, -1)).toBeNull();
  });
});

describe('keeping the cursor out of titles', () => {
  it('leaves a cursor in the content alone', () => {
    expect(selectionOutsideTitles(stateAt(aContent + 2), stateAt(aContent), false)).toBeNull();
  });

  it('moves a click on a title to the start of the section’s content', () => {
    expect(selectionOutsideTitles(stateAt(inTitle(a, 1)), stateAt(aEnd), true)?.head).toBe(aContent);
  });

  it('moves on to the content before when the cursor was going up or left', () => {
    expect(selectionOutsideTitles(stateAt(inTitle(b1, 3)), stateAt(b1Content), false)?.head).toBe(aEnd);
  });

  it('moves on into the content when the cursor was going down', () => {
    expect(selectionOutsideTitles(stateAt(inTitle(b, 1)), stateAt(aEnd), false)?.head).toBe(b1Content);
  });

  it('goes forward when there is nothing before', () => {
    expect(selectionOutsideTitles(stateAt(inTitle(a)), stateAt(aContent), false)?.head).toBe(aContent);
  });

  it('collapses a range inside one title, and keeps the anchor of a range reaching into one', () => {
    const inside = selectionOutsideTitles(stateAt(inTitle(a), inTitle(a, 1)), stateAt(aEnd), true);
    expect([inside?.anchor, inside?.head]).toEqual([aContent, aContent]);
    const reaching = selectionOutsideTitles(stateAt(b1Content + 2, inTitle(b1, 2)), stateAt(b1Content + 2), false);
    expect([reaching?.anchor, reaching?.head]).toEqual([b1Content + 2, aEnd]);
  });

  it('turns a selected title node into a cursor at its section’s content', () => {
    const state = EditorState.create({ doc, selection: NodeSelection.create(doc, a.pos + 1) });
    expect(selectionOutsideTitles(state, stateAt(aEnd), false)?.head).toBe(aContent);
  });
});
