/**
 * The intermediate model every export format renders. `toExportModel` walks the ProseMirror JSON
 * once, resolves section numbering, guidance and annexes, and each format only maps these blocks to
 * its own output, so no format re-reads the editor's JSON or re-derives numbering.
 */

/** Character formatting of a text span, from the editor's marks. */
export interface Marks {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  underline: boolean;
  code: boolean;
}

/** A run of text with one set of marks; `href` when it sits inside a link. */
export interface TextSpan {
  kind: 'text';
  text: string;
  marks: Marks;
  href?: string;
}

/** A hard line break inside a paragraph (Shift+Enter in the editor). */
export interface LineBreak {
  kind: 'break';
}

export type Inline = TextSpan | LineBreak;

/**
 * A heading. `level` is its depth in the outline: 1 for a top-level section, 2 for a subsection,
 * deeper for headings written inside a section's content. Formats map it to their own levels.
 */
export interface HeadingBlock {
  type: 'heading';
  level: number;
  /** Section number ("2.1") shown before the title, or null (content headings, annexes). */
  number: string | null;
  inlines: Inline[];
  /** Anchor unique in the document, for the table of contents and bookmarks. */
  id: string;
  /** Whether the table of contents lists it (sections and annexes, not headings inside content). */
  inToc: boolean;
}

/** What a heading shows before its text: its section number and a space, or nothing. */
export function headingPrefix(block: HeadingBlock): string {
  return block.number ? `${block.number} ` : '';
}

export interface ParagraphBlock {
  type: 'paragraph';
  inlines: Inline[];
}

export interface ListBlock {
  type: 'list';
  ordered: boolean;
  /** First number of an ordered list. */
  start: number;
  /** Each item is a sequence of blocks (its paragraphs and nested lists). */
  items: Block[][];
}

export interface TableCell {
  blocks: Block[];
  header: boolean;
}

export interface TableBlock {
  type: 'table';
  /** Leading rows made only of header cells: repeated at the top of each page where formats can. */
  headerRows: number;
  rows: TableCell[][];
  /** Widest row's cell count; rows shorter than that are padded by the formats. */
  columnCount: number;
}

export interface QuoteBlock {
  type: 'quote';
  blocks: Block[];
}

export interface CodeBlock {
  type: 'code';
  text: string;
  language: string | null;
}

export interface RuleBlock {
  type: 'rule';
}

/** The template's guidance questions for a section, shown as a styled note (option). */
export interface GuidanceBlock {
  type: 'guidance';
  label: string;
  questions: string[];
}

/** Starts a new page in paged formats (before each annex); other formats ignore it or draw a rule. */
export interface PageBreakBlock {
  type: 'pageBreak';
}

export type Block =
  | HeadingBlock
  | ParagraphBlock
  | ListBlock
  | TableBlock
  | QuoteBlock
  | CodeBlock
  | RuleBlock
  | GuidanceBlock
  | PageBreakBlock;

/** One line of the cover page, e.g. { label: 'City', value: 'Nairobi' }. */
export interface CoverLine {
  label: string;
  value: string;
}

export interface ExportModel {
  title: string;
  /** BCP 47 language of the document's own words (the template's), e.g. "en". */
  language: string;
  /** The cover's lines, in display order; empty values are left out. */
  cover: CoverLine[];
  /** Used for document properties (author/subject). */
  subject: string;
  blocks: Block[];
}
