import { describe, expect, it } from 'vitest';
import { baseKeymap } from '@tiptap/pm/commands';
import { Fragment, Slice } from '@tiptap/pm/model';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { AllSelection, EditorState, TextSelection } from '@tiptap/pm/state';
import type { Command, Transaction } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import type { JSONNode } from '../coverage/strategyDocument.ts';
import { buildParagraph, buildSection } from '../strategy/buildNodes.ts';
import { buildStrategyContent } from '../strategy/buildStrategyContent.ts';
import { builtinTemplate } from '../template/builtinTemplate.ts';
import { editorSchema } from './editorExtensions.ts';
import { clearRangeKeepingSections, deleteSelectionKeepingSections, pasteKeepingSections, refuseJoinIntoTitle, refuseJoinOutOfTitle, stripSections, textInputKeepingSections } from './keepSections.ts';
import { ALLOW_SECTION_EDIT, sectionGuardPlugin } from './sectionGuard.ts';
import { findSection, freeContentRanges, sectionOutline } from './sectionOutline.ts';

const schema = editorSchema();

/** Vision (two paragraphs), Context (a paragraph, then subsection Profile), Goals (a paragraph). */
function strategy(): EditorState {
  const json: JSONNode = {
    type: 'doc',
    content: [
      buildSection('vision', { title: 'Vision', content: [buildParagraph('Alpha one'), buildParagraph('Alpha two')] }),
      buildSection('context', {
        title: 'Context',
        content: [buildParagraph('Beta')],
        children: [buildSection('profile', { title: 'Profile', level: 3, content: [buildParagraph('Gamma')] })],
      }),
      buildSection('goals', { title: 'Goals', content: [buildParagraph('Delta')] }),
    ],
  };
  return EditorState.create({ schema, doc: schema.nodeFromJSON(json), plugins: [sectionGuardPlugin()] });
}

const OUTLINE = ['[null,"vision","Vision"]', '[null,"context","Context"]', '["context","profile","Profile"]', '[null,"goals","Goals"]'];

/** Position of `text` (plus `offset` characters into it) in the document. */
function posOf(doc: ProseMirrorNode, text: string, offset = 0): number {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text) + offset;
    return found < 0;
  });
  if (found < 0) throw new Error(`no "${text}" in the document`);
  return found;
}

function selectAll(state: EditorState): EditorState {
  return state.apply(state.tr.setSelection(new AllSelection(state.doc)));
}

function select(state: EditorState, from: number, to = from): EditorState {
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, from, to)));
}

/** Runs a command the way a view would: every dispatched transaction goes through the filters. */
function run(state: EditorState, command: Command): { state: EditorState; handled: boolean } {
  let next = state;
  const handled = command(state, (tr) => (next = next.apply(tr)));
  return { state: next, handled };
}

const ownText = (state: EditorState, key: string) => {
  const section = findSection(state.doc, key)!.node;
  const own: string[] = [];
  section.forEach((child, _offset, index) => {
    if (index > 0 && child.type.name !== 'section') own.push(child.textContent);
  });
  return own;
};

describe('section guard', () => {
  it('refuses a plain select-all delete, and deleting the selection instead clears every section but keeps them and their titles', () => {
    const all = selectAll(strategy());
    expect(all.apply(all.tr.deleteSelection()).doc.eq(all.doc)).toBe(true);

    const { state, handled } = run(all, deleteSelectionKeepingSections);
    expect(handled).toBe(true);
    expect(sectionOutline(state.doc)).toEqual(OUTLINE);
    for (const key of ['vision', 'context', 'profile', 'goals']) expect(ownText(state, key), key).toEqual(['']);
    expect(state.doc.check()).toBeUndefined();
    // The cursor lands in the first section's (now empty) content, ready to type.
    expect(state.selection.$from.parent.type.name).toBe('paragraph');
    expect(state.selection.from).toBe(posOf(all.doc, 'Alpha one'));
  });

  it('clears a whole document made from the built-in template and keeps its every section, tables and all', () => {
    const doc = schema.nodeFromJSON(buildStrategyContent(builtinTemplate));
    const all = selectAll(EditorState.create({ schema, doc, plugins: [sectionGuardPlugin()] }));
    const { state } = run(all, deleteSelectionKeepingSections);
    expect(sectionOutline(state.doc)).toEqual(sectionOutline(doc));
    expect(state.doc.check()).toBeUndefined();
  });

  it('also keeps sections through the default Backspace and Delete keymaps after select-all', () => {
    for (const key of ['Backspace', 'Delete'] as const) {
      const all = selectAll(strategy());
      const { state } = run(all, baseKeymap[key]!);
      expect(sectionOutline(state.doc), key).toEqual(OUTLINE);
    }
  });

  it('refuses Backspace at the start of a section’s first paragraph, which would merge it into the title', () => {
    const atStart = select(strategy(), posOf(strategy().doc, 'Beta'));
    expect(refuseJoinIntoTitle(atStart)).toBe(true);
    const { state } = run(atStart, baseKeymap.Backspace!);
    expect(state.doc.eq(atStart.doc)).toBe(true);
  });

  it('refuses Delete at the end of a title, which would pull the first paragraph into it', () => {
    const endOfTitle = select(strategy(), posOf(strategy().doc, 'Context', 'Context'.length));
    expect(refuseJoinOutOfTitle(endOfTitle)).toBe(true);
    expect(run(endOfTitle, baseKeymap.Delete!).state.doc.eq(endOfTitle.doc)).toBe(true);
  });

  it('lets Backspace work normally inside a section’s content', () => {
    const second = select(strategy(), posOf(strategy().doc, 'Alpha two'));
    expect(refuseJoinIntoTitle(second)).toBe(false);
    const { state } = run(second, baseKeymap.Backspace!);
    expect(ownText(state, 'vision')).toEqual(['Alpha oneAlpha two']);
  });

  it('keeps both titles when pasted text replaces a range spanning two sections', () => {
    const doc = strategy().doc;
    const spanning = select(strategy(), posOf(doc, 'Alpha one', 6), posOf(doc, 'Beta', 2));
    const slice = new Slice(Fragment.from(schema.text('PASTED')), 0, 0);
    expect(spanning.apply(spanning.tr.replaceSelection(slice)).doc.eq(spanning.doc)).toBe(true);

    const tr = pasteKeepingSections(spanning, slice)!;
    const state = spanning.apply(tr);
    expect(sectionOutline(state.doc)).toEqual(OUTLINE);
    expect(ownText(state, 'vision')).toEqual(['Alpha PASTED']);
    expect(ownText(state, 'context')).toEqual(['ta']);
    expect(ownText(state, 'profile')).toEqual(['Gamma']);
  });

  it('steps aside when a paste stays inside one section', () => {
    const inside = select(strategy(), posOf(strategy().doc, 'Alpha one'), posOf(strategy().doc, 'Alpha two', 5));
    expect(pasteKeepingSections(inside, new Slice(Fragment.from(schema.text('x')), 0, 0))).toBeNull();
  });

  it('replaces a range spanning sections with typed text, keeping every section', () => {
    const doc = strategy().doc;
    const tr = textInputKeepingSections(strategy(), posOf(doc, 'Beta'), posOf(doc, 'Delta', 1), 'Z')!;
    const state = strategy().apply(tr);
    expect(sectionOutline(state.doc)).toEqual(OUTLINE);
    expect(ownText(state, 'context')).toEqual(['Z']);
    expect(ownText(state, 'profile')).toEqual(['']);
    expect(ownText(state, 'goals')).toEqual(['elta']);
  });

  it('lets typing inside a section’s content through', () => {
    const state = strategy();
    const next = state.apply(state.tr.insertText('Hello ', posOf(state.doc, 'Gamma')));
    expect(ownText(next, 'profile')).toEqual(['Hello Gamma']);
  });

  it('refuses typing into, or deleting from, a title', () => {
    const state = strategy();
    const at = posOf(state.doc, 'Goals', 2);
    expect(state.apply(state.tr.insertText('x', at)).doc.eq(state.doc)).toBe(true);
    expect(state.apply(state.tr.delete(at, at + 1)).doc.eq(state.doc)).toBe(true);
  });

  it('lets status and lead change', () => {
    const state = strategy();
    const { pos } = findSection(state.doc, 'goals')!;
    const next = state.apply(state.tr.setNodeAttribute(pos, 'status', 'drafting'));
    expect(findSection(next.doc, 'goals')!.node.attrs.status).toBe('drafting');
  });

  it('never filters Yjs transactions (remote edits, undo), nor ones marked as deliberate section edits', () => {
    const remove = (state: EditorState): Transaction => {
      const { node, pos } = findSection(state.doc, 'goals')!;
      return state.tr.delete(pos, pos + node.nodeSize);
    };
    const state = strategy();
    expect(state.apply(remove(state)).doc.eq(state.doc)).toBe(true);
    expect(sectionOutline(state.apply(remove(state).setMeta(ySyncPluginKey, { isChangeOrigin: true })).doc)).toEqual(OUTLINE.slice(0, 3));
    expect(sectionOutline(state.apply(remove(state).setMeta(ALLOW_SECTION_EDIT, true)).doc)).toEqual(OUTLINE.slice(0, 3));
  });

  it('refuses a new loose block beside the sections, which would belong to no section, but lets one be deleted', () => {
    const state = strategy();
    const loose = state.apply(state.tr.insert(0, schema.nodes.paragraph!.create()));
    expect(loose.doc.eq(state.doc)).toBe(true);

    const withStray = EditorState.create({ schema, doc: state.doc.copy(state.doc.content.addToStart(schema.nodes.paragraph!.create(null, schema.text('stray')))), plugins: state.plugins });
    const { state: cleared } = run(selectAll(withStray), deleteSelectionKeepingSections);
    expect(cleared.doc.firstChild!.type.name).toBe('section');
    expect(sectionOutline(cleared.doc)).toEqual(OUTLINE);
  });

  it('clears a document without sections like any editor would, down to one empty paragraph', () => {
    const free = EditorState.create({ schema, doc: schema.nodeFromJSON({ type: 'doc', content: [buildParagraph('One'), buildParagraph('Two')] }), plugins: [sectionGuardPlugin()] });
    expect(freeContentRanges(free.doc)).toEqual([{ from: 0, to: free.doc.content.size, keepOne: true }]);
    const tr = free.tr;
    expect(clearRangeKeepingSections(tr, 0, free.doc.content.size)).toBe(true);
    expect(tr.doc.toJSON()).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
  });

  it('pastes a copied section as its content with an ordinary heading, never as a second section', () => {
    const state = strategy();
    const { node, pos } = findSection(state.doc, 'context')!;
    const copied = state.doc.slice(pos, pos + node.nodeSize);
    const stripped = stripSections(copied);
    const types: string[] = [];
    stripped.content.forEach((child) => types.push(child.type.name));
    expect(types).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);

    const into = select(state, posOf(state.doc, 'Delta', 5));
    const next = into.apply(into.tr.replaceSelection(stripped));
    expect(sectionOutline(next.doc)).toEqual(OUTLINE);
    expect(next.doc.check()).toBeUndefined();
  });

  it('keeps the open edges of a partial copy across sections', () => {
    const doc = strategy().doc;
    const copied = doc.slice(posOf(doc, 'Alpha two', 6), posOf(doc, 'Beta', 2));
    const stripped = stripSections(copied);
    expect([stripped.openStart, stripped.openEnd]).toEqual([1, 1]);
    expect(stripped.content.textBetween(0, stripped.content.size, '|')).toBe('two|Context|Be');
  });
});

describe('every section keeps somewhere to type', () => {
  it('puts an empty paragraph back when a local edit removes a section\'s last block', () => {
    const state = strategy();
    const goals = findSection(state.doc, 'goals')!;
    const paraPos = goals.pos + 1 + goals.node.child(0).nodeSize;
    const para = goals.node.child(1);
    const { state: next } = state.applyTransaction(state.tr.delete(paraPos, paraPos + para.nodeSize));
    const after = findSection(next.doc, 'goals')!.node;
    expect(after.childCount).toBe(2);
    expect(after.child(1).type.name).toBe('paragraph');
    expect(after.child(1).textContent).toBe('');
  });

  it('leaves remote (Yjs) changes alone', () => {
    const state = strategy();
    const goals = findSection(state.doc, 'goals')!;
    const paraPos = goals.pos + 1 + goals.node.child(0).nodeSize;
    const tr = state.tr.delete(paraPos, paraPos + goals.node.child(1).nodeSize).setMeta(ySyncPluginKey, { isChangeOrigin: true });
    const { state: next } = state.applyTransaction(tr);
    expect(findSection(next.doc, 'goals')!.node.childCount).toBe(1);
  });
});
