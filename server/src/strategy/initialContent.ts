import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { buildStrategyContent, DOCUMENT_FIELD, editorSchema, writeStrategyMeta } from '@lcs/shared';
import type { Template } from '@lcs/shared';

let schema: ReturnType<typeof editorSchema> | undefined;

/**
 * The first update of a strategy made from `template`: its sections as the editor's body
 * (`DOCUMENT_FIELD`) and where it came from in the meta map. The server stores it before anyone can
 * open the strategy, so every client starts from this same content; if clients filled in a blank
 * document themselves, two of them opening it at once would each add a full set of sections.
 */
export function initialStrategyUpdate(template: Template, { city }: { city: string | null }): Uint8Array {
  schema ??= editorSchema();
  const doc = new Y.Doc();
  try {
    prosemirrorJSONToYXmlFragment(schema, buildStrategyContent(template), doc.getXmlFragment(DOCUMENT_FIELD));
    writeStrategyMeta(doc, { templateId: template.id, templateVersion: template.version, city });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
