/** Name of the Y.XmlFragment that holds the document body (Tiptap Collaboration's default). */
export const DOCUMENT_FIELD = 'default';
