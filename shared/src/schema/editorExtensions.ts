import type { AnyExtension } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { TableKit } from '@tiptap/extension-table';
import { SectionGuard } from './sectionGuard.ts';
import { Section, SectionTitle, StrategyDocument } from './sectionNodes.ts';


/**
 * The one list of Tiptap extensions that defines the document schema. The client adds editing-only
 * extensions (collaboration, carets, placeholders) on top; the server builds its ProseMirror schema
 * from exactly this list, so whatever the editor can hold, the server can read and export.
 * The section guard is editing behaviour, not schema, but it ships here so that every editor keeps
 * sections and titles by the same rules.
 */
export function editorExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      // Replaced by StrategyDocument, which also holds a strategy's sections.
      document: false,
      // Yjs owns history: the collaboration extension's undo manager undoes only your own changes.
      undoRedo: false,
      heading: { levels: [1, 2, 3, 4] },
      link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
    }),
    TableKit.configure({ table: { resizable: false } }),
    StrategyDocument,
    Section,
    SectionTitle,
    SectionGuard,
  ];
}

/** The ProseMirror schema of a strategy document, identical on client and server. */
export function editorSchema() {
  return getSchema(editorExtensions());
}
