import * as Y from 'yjs';
import { buildStrategyContent, DOCUMENT_FIELD, writeStrategyMeta } from '@lcs/shared';
import type { Template } from '@lcs/shared';
import type { DocumentRecord, Storage } from '../storage/storage.ts';

/**
 * The editor schema and the ProseMirror → Yjs binding (Tiptap and ProseMirror, ~24 MB) are loaded
 * with the first strategy made from a template, not when the server starts.
 */
let converter: Promise<(content: ReturnType<typeof buildStrategyContent>, fragment: Y.XmlFragment) => void> | undefined;
const loadConverter = () =>
  (converter ??= Promise.all([import('@lcs/shared/editor'), import('@tiptap/y-tiptap')]).then(([{ editorSchema }, { prosemirrorJSONToYXmlFragment }]) => {
    const schema = editorSchema();
    return (content, fragment) => void prosemirrorJSONToYXmlFragment(schema, content, fragment);
  }));

/**
 * The first update of a strategy made from `template`: its sections as the editor's body
 * (`DOCUMENT_FIELD`) and where it came from in the meta map. The server stores it before anyone can
 * open the strategy, so every client starts from this same content; if clients filled in a blank
 * document themselves, two of them opening it at once would each add a full set of sections.
 */
export async function initialStrategyUpdate(template: Template, { city }: { city: string | null }): Promise<Uint8Array> {
  const toFragment = await loadConverter();
  const doc = new Y.Doc();
  try {
    toFragment(buildStrategyContent(template), doc.getXmlFragment(DOCUMENT_FIELD));
    writeStrategyMeta(doc, { templateId: template.id, templateVersion: template.version, city });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * Creates a strategy record and stores its first update from `template` (none: a blank document).
 * The update is built before the record exists, so a template the editor schema cannot hold leaves
 * nothing behind, and stored before the id is handed out, so no client opens it without its sections.
 */
export async function createStrategy(
  storage: Storage,
  input: { id: string; title: string; teamId: string | null; city: string | null; template: Template | null },
): Promise<DocumentRecord> {
  const initialUpdate = input.template ? await initialStrategyUpdate(input.template, { city: input.city }) : null;
  const doc = await storage.createDocument({ id: input.id, title: input.title, teamId: input.teamId, city: input.city });
  if (initialUpdate) await storage.appendUpdate(doc.id, initialUpdate);
  return doc;
}
