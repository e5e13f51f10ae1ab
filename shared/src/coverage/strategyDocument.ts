/**
 * The shape of a strategy document as ProseMirror JSON (`editor.getJSON()`, or the server's
 * Y.Doc -> JSON conversion). Coverage and flags read this shape; the editor's section nodes are
 * built to produce it:
 *
 * ```
 * doc
 * └─ section            attrs { key, status, lead }   one per template section, in template order
 *    ├─ sectionTitle    its text is the section title (protected against accidental edits)
 *    ├─ paragraph | heading | bulletList | orderedList | blockquote | table ...   free content
 *    └─ section         a subsection, same shape, nested in its parent after the parent's content
 * ```
 *
 * A `table` holds `tableRow`s of `tableHeader`/`tableCell`s, each cell holding paragraphs. Indicator
 * and action plan tables are ordinary tables recognised by the words in their first row (see
 * `readTable`), so a team can add, remove or rename rows freely.
 */
export interface JSONNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: JSONNode[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

/** Node type names the editor must use for the shape above. */
export const SECTION_NODE = 'section';
export const SECTION_TITLE_NODE = 'sectionTitle';

/** A section's writing status, set from its header and shown in the outline. */
export const SECTION_STATUSES = ['not_started', 'drafting', 'ready_for_review', 'final'] as const;
export type SectionStatus = (typeof SECTION_STATUSES)[number];

export function isSectionStatus(value: unknown): value is SectionStatus {
  return (SECTION_STATUSES as readonly unknown[]).includes(value);
}
