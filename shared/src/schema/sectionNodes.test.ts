import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Editor } from '@tiptap/core';
import { Fragment, Slice } from '@tiptap/pm/model';
import type { TagParseRule } from '@tiptap/pm/model';
import { EditorState } from '@tiptap/pm/state';
import type { JSONNode } from '../coverage/strategyDocument.ts';
import { buildParagraph, buildSection } from '../strategy/buildNodes.ts';
import { editorExtensions, editorSchema } from './editorExtensions.ts';
import { findSection, sectionOutline } from './sectionOutline.ts';

const schema = editorSchema();
const doc = (...content: JSONNode[]): JSONNode => ({ type: 'doc', content });
const valid = (json: JSONNode) => () => schema.nodeFromJSON(json).check();

/** Just enough of an element for a parse rule's attribute readers. */
const element = (tagName: string, attributes: Record<string, string>) => ({ tagName, getAttribute: (name: string) => attributes[name] ?? null });

describe('section nodes', () => {
  it('hold a title, their own content, then subsections, in a document made only of sections', () => {
    const strategy = doc(
      buildSection('context', {
        title: 'Context',
        content: [buildParagraph('Text'), { type: 'bulletList', content: [{ type: 'listItem', content: [buildParagraph('item')] }] }],
        children: [buildSection('profile', { title: 'Profile', level: 3 })],
      }),
      buildSection('goals', { title: 'Goals', content: [] }),
    );
    expect(valid(strategy)).not.toThrow();
  });

  it('leave documents made without a template as they were: ordinary blocks, and a paragraph when empty', () => {
    expect(valid(doc(buildParagraph('Free text')))).not.toThrow();
    expect(schema.topNodeType.createAndFill()!.toJSON()).toEqual(doc(buildParagraph()));
  });

  it('hold whatever Yjs merges at the top level: a stray paragraph beside sections renders, and the sections with it', () => {
    const sections = doc(buildSection('a', { title: 'A' }), buildSection('b', { title: 'B' }));
    expect(valid({ ...sections, content: [buildParagraph('typed before the first sync'), ...sections.content!] })).not.toThrow();
    // y-tiptap renders a remote change by replacing the whole top level with what the Y fragment holds.
    const state = EditorState.create({ schema, doc: schema.nodeFromJSON(sections) });
    const merged = Fragment.fromJSON(schema, [buildParagraph('stray'), ...sections.content!]);
    const rendered = state.tr.replace(0, state.doc.content.size, new Slice(merged, 0, 0)).doc;
    expect(sectionOutline(rendered)).toEqual(sectionOutline(state.doc));
  });

  it('cannot sit inside other content, follow a subsection with content, or lack a title or key', () => {
    const section = buildSection('goals', { title: 'Goals' });
    expect(valid({ type: 'doc', content: [{ type: 'blockquote', content: [section] }] })).toThrow();
    expect(valid(doc(buildSection('a', { content: [buildSection('b'), buildParagraph('after')] })))).toThrow();
    expect(valid(doc({ ...section, content: [buildParagraph('no title')] }))).toThrow();
    expect(valid(doc({ ...section, attrs: { status: 'drafting' } }))).toThrow();
  });

  it('render their key, status and lead as data attributes and read them back', () => {
    const node = schema.nodeFromJSON(buildSection('goals', { title: 'Goals', status: 'drafting', lead: 'Amina' }));
    const spec = node.type.spec.toDOM!(node) as [string, Record<string, string>, 0];
    expect(spec).toEqual(['section', { 'data-section-key': 'goals', 'data-status': 'drafting', 'data-lead': 'Amina' }, 0]);
    const rule = node.type.spec.parseDOM![0] as TagParseRule;
    expect(rule.tag).toBe('section[data-section-key]');
    expect(rule.getAttrs!(element('SECTION', spec[1]) as never)).toEqual({ key: 'goals', status: 'drafting', lead: 'Amina' });
    // A missing lead is left out, so the schema's default (null) applies.
    expect(rule.getAttrs!(element('SECTION', { 'data-section-key': 'goals', 'data-status': 'bogus' }) as never)).toEqual({ key: 'goals', status: 'not_started' });
  });

  it('render a title as h2, or h3 in a subsection, marked as a section title', () => {
    const title = (level: 2 | 3) => schema.nodeFromJSON(buildSection('a', { title: 'A', level })).firstChild!;
    expect(title(2).type.spec.toDOM!(title(2))).toEqual(['h2', { 'data-section-title': '' }, 0]);
    expect(title(3).type.spec.toDOM!(title(3))).toEqual(['h3', { 'data-section-title': '' }, 0]);
    const rules = title(2).type.spec.parseDOM! as TagParseRule[];
    expect(rules.map((rule) => rule.tag)).toEqual(['h2[data-section-title]', 'h3[data-section-title]']);
    expect(rules[1]!.getAttrs!(element('H3', {}) as never)).toEqual({ level: 3 });
  });
});

describe('section commands in an editor', () => {
  // Tiptap's keymap asks the platform (Mac or not) when it builds its shortcuts; Node 20 has no navigator.
  beforeAll(() => {
    if (!('navigator' in globalThis)) vi.stubGlobal('navigator', { platform: 'Linux x86_64', userAgent: 'node', maxTouchPoints: 0 });
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  /**
   * A headless editor (no DOM): it only gets its plugins when mounted, so they are installed here
   * by hand, exactly as the extension manager builds them for a mounted editor.
   */
  const editorWith = (...sections: JSONNode[]) => {
    const editor = new Editor({ element: null, extensions: editorExtensions(), content: doc(...sections) });
    editor.view.updateState(editor.state.reconfigure({ plugins: editor.extensionManager.plugins }));
    return editor;
  };
  /** Offers a key press to the plugins' keydown handlers, as the view would. */
  const pressKey = (editor: Editor, key: string): boolean => {
    const event = { key, keyCode: 0, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, preventDefault() {} };
    return editor.state.plugins.some((plugin) => plugin.props.handleKeyDown?.call(plugin, editor.view, event as never) === true);
  };
  const attrs = (editor: Editor, key: string) => findSection(editor.state.doc, key)!.node.attrs;

  it('set the status and lead of a section found by key, subsections included', () => {
    const editor = editorWith(buildSection('context', { children: [buildSection('profile', { level: 3 })] }));
    expect(editor.commands.setSectionStatus('profile', 'ready_for_review')).toBe(true);
    expect(editor.commands.setSectionLead('profile', '  Li Wei ')).toBe(true);
    expect(attrs(editor, 'profile')).toMatchObject({ status: 'ready_for_review', lead: 'Li Wei' });
    expect(attrs(editor, 'context')).toMatchObject({ status: 'not_started', lead: null });
    expect(editor.commands.setSectionLead('profile', ' ')).toBe(true);
    expect(attrs(editor, 'profile').lead).toBeNull();
    editor.destroy();
  });

  it('refuse an unknown section or status', () => {
    const editor = editorWith(buildSection('goals'));
    expect(editor.commands.setSectionStatus('nope', 'final')).toBe(false);
    expect(editor.commands.setSectionStatus('goals', 'done' as never)).toBe(false);
    expect(attrs(editor, 'goals').status).toBe('not_started');
    editor.destroy();
  });

  it('run with the section guard in place: select-all then Backspace clears the content and keeps every section', () => {
    const editor = editorWith(buildSection('vision', { title: 'Vision', content: [buildParagraph('Words')] }), buildSection('goals', { title: 'Goals', content: [buildParagraph('More')] }));
    editor.commands.selectAll();
    expect(pressKey(editor, 'Backspace')).toBe(true);
    expect(sectionOutline(editor.state.doc)).toEqual(['[null,"vision","Vision"]', '[null,"goals","Goals"]']);
    expect(editor.state.doc.textContent).toBe('VisionGoals');
    editor.destroy();
  });

  it('run with the section guard in place: Backspace at the start of a section’s content changes nothing', () => {
    const editor = editorWith(buildSection('vision', { title: 'Vision', content: [buildParagraph('Words')] }));
    const before = editor.state.doc;
    editor.commands.setTextSelection(1 + 'Vision'.length + 2 + 1);
    expect(editor.state.selection.$from.parent.textContent).toBe('Words');
    pressKey(editor, 'Backspace');
    expect(editor.state.doc.eq(before)).toBe(true);
    editor.destroy();
  });
});
