/** What decides whether a document's content is there to be edited. */
export interface DocumentLoadFacts {
  /** The server's copy has arrived at least once on this page (the provider's first sync). */
  hasSynced: boolean;
  /** Top-level nodes in the document body: more than none once the on-device copy has loaded one. */
  bodyLength: number;
}

/**
 * Whether the editor may take typing yet. Until the server's copy or a non-empty on-device copy has
 * loaded, the body is an empty placeholder: text typed into it would land as a loose paragraph
 * outside every section, beside the sections that arrive a moment later. An empty on-device copy
 * (the first visit) does not count; an empty server copy does (a document made without a template).
 */
export function isDocumentLoaded({ hasSynced, bodyLength }: DocumentLoadFacts): boolean {
  return hasSynced || bodyLength > 0;
}
