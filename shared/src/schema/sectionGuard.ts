import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { Command } from '@tiptap/pm/state';
import { ySyncPluginKey } from '@tiptap/y-tiptap';
import {
  deleteSelectionKeepingSections,
  pasteKeepingSections,
  refuseJoinIntoTitle,
  refuseJoinOutOfTitle,
  stripSections,
  textInputKeepingSections,
} from './keepSections.ts';
import { SECTION_NODE } from '../coverage/strategyDocument.ts';
import { forEachSection, sectionsIntact } from './sectionOutline.ts';

/**
 * Transaction meta that lets one local transaction add, remove, move or retitle sections
 * (`tr.setMeta(ALLOW_SECTION_EDIT, true)`), for deliberate structure changes only.
 */
export const ALLOW_SECTION_EDIT = 'allowSectionEdit';

export const sectionGuardPluginKey = new PluginKey('sectionGuard');

/**
 * Keeps every section and its title through any local edit.
 *
 * The guarantee is `filterTransaction`: a local transaction after which the document's sections
 * (key, place, title text) differ from before is dropped whole, whatever produced it (keys, paste,
 * drop, input rules, commands, DOM edits). Filtering rather than repairing in `appendTransaction`:
 * a repair would have to rebuild deleted sections with their content and would sync a half-edit to
 * every peer; a dropped transaction never leaves this editor.
 *
 * Yjs transactions (`ySyncPluginKey` meta: remote edits, undo/redo, the first render) always pass:
 * filtering them would leave this editor out of step with the shared document for good.
 *
 * Dropping alone would make select-all + Delete do nothing, so the common gestures are given what
 * the author meant: deleting, typing or pasting over a range that spans sections clears the content
 * of each section in it and keeps the sections (see keepSections.ts).
 */
export function sectionGuardPlugin(): Plugin {
  return new Plugin({
    key: sectionGuardPluginKey,
    filterTransaction(tr, state) {
      if (!tr.docChanged || tr.getMeta(ySyncPluginKey) || tr.getMeta(ALLOW_SECTION_EDIT)) return true;
      return sectionsIntact(state.doc, tr.doc);
    },
    // A section must keep somewhere to type: if a local edit removed its last block (e.g. Delete in
    // its only empty paragraph), put an empty paragraph back under the title. Remote changes are
    // left alone; the peer that made them has already done this.
    appendTransaction(transactions, _old, state) {
      if (!transactions.some((tr) => tr.docChanged && !tr.getMeta(ySyncPluginKey))) return null;
      const paragraph = state.schema.nodes.paragraph;
      if (!paragraph) return null;
      const missing: number[] = [];
      forEachSection(state.doc, (section, pos) => {
        const second = section.childCount > 1 ? section.child(1) : null;
        if (!second || second.type.name === SECTION_NODE) missing.push(pos + 1 + section.child(0).nodeSize);
      });
      if (missing.length === 0) return null;
      const tr = state.tr;
      for (const at of missing.reverse()) tr.insert(at, paragraph.create());
      return tr;
    },
    props: {
      transformPasted: (slice) => stripSections(slice),
      handleTextInput(view, from, to, text) {
        const tr = textInputKeepingSections(view.state, from, to, text);
        if (!tr) return false;
        if (tr.docChanged) view.dispatch(tr);
        return true;
      },
      handlePaste(view, _event, slice) {
        const tr = pasteKeepingSections(view.state, slice);
        if (!tr) return false;
        if (tr.docChanged) view.dispatch(tr);
        return true;
      },
      handleDOMEvents: {
        // ProseMirror's own cut handler fills the clipboard, then its deletion is filtered out when
        // it spans sections; clear the sections' content once that handler is done.
        cut(view) {
          if (!view.state.selection.empty) void Promise.resolve().then(() => deleteSelectionKeepingSections(view.state, view.dispatch));
          return false;
        },
      },
    },
  });
}

/**
 * The section guard as a Tiptap extension: the plugin above, plus keys that run before the
 * default keymap (priority 1000) so Backspace and Delete never reach a join that would be dropped.
 */
export const SectionGuard = Extension.create({
  name: 'sectionGuard',
  priority: 1000,

  addKeyboardShortcuts() {
    const run =
      (...commands: Command[]) =>
      () =>
        commands.some((command) => command(this.editor.state, this.editor.view.dispatch));
    return {
      Backspace: run(refuseJoinIntoTitle, deleteSelectionKeepingSections),
      'Mod-Backspace': run(refuseJoinIntoTitle, deleteSelectionKeepingSections),
      'Shift-Backspace': run(refuseJoinIntoTitle, deleteSelectionKeepingSections),
      Delete: run(refuseJoinOutOfTitle, deleteSelectionKeepingSections),
      'Mod-Delete': run(refuseJoinOutOfTitle, deleteSelectionKeepingSections),
      Enter: run(deleteSelectionKeepingSections),
    };
  },

  addProseMirrorPlugins() {
    return [sectionGuardPlugin()];
  },
});
