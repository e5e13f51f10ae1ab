import { describe, expect, it } from 'vitest';
import { EditorState } from '@tiptap/pm/state';
import { editorSchema } from '@lcs/shared/editor';
import { suggestionTransaction, wouldApply } from './applySuggestion.ts';

const schema = editorSchema();
const stateWith = (content: unknown[]) => EditorState.create({ doc: schema.nodeFromJSON({ type: 'doc', content: [{ type: 'paragraph', content }] }) });
const text = (state: EditorState) => state.doc.textContent;

describe('applying a suggestion', () => {
  const state = stateWith([{ type: 'text', text: 'Hello brave world' }]);

  it('replaces the range with the suggested text', () => {
    expect(text(state.apply(suggestionTransaction(state, { from: 7, to: 12 }, 'bold')))).toBe('Hello bold world');
  });

  it('deletes the range when the suggestion is to delete it', () => {
    expect(text(state.apply(suggestionTransaction(state, { from: 6, to: 12 }, '')))).toBe('Hello world');
  });

  it('inserts at a point', () => {
    expect(text(state.apply(suggestionTransaction(state, { from: 6, to: 6 }, ',')))).toBe('Hello, brave world');
  });

  it('keeps the formatting of the replaced text and never reads the replacement as HTML', () => {
    const bold = stateWith([{ type: 'text', text: 'brave', marks: [{ type: 'bold' }] }]);
    const next = bold.apply(suggestionTransaction(bold, { from: 1, to: 6 }, '<b>bold</b>'));
    expect(next.doc.textContent).toBe('<b>bold</b>');
    expect(next.doc.firstChild!.firstChild!.marks.map((m) => m.type.name)).toEqual(['bold']);
  });

  it('says whether the editor would take the change', () => {
    expect(wouldApply(state, suggestionTransaction(state, { from: 7, to: 12 }, 'bold'))).toBe(true);
  });
});
