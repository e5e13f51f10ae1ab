import type { JSONNode, SectionStatus } from '../coverage/strategyDocument.ts';
import { SECTION_NODE, SECTION_TITLE_NODE } from '../coverage/strategyDocument.ts';

// ProseMirror JSON for the nodes a strategy is made of, in the shape strategyDocument.ts describes.
// The server builds new strategies with these; tests build crafted documents with the same code.

/** A paragraph of the given texts; with none (or only empty ones) an empty paragraph. */
export function buildParagraph(...texts: string[]): JSONNode {
  const content = texts.filter((text) => text !== '').map((text) => ({ type: 'text', text }));
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' };
}

function buildCell(type: 'tableHeader' | 'tableCell', text: string): JSONNode {
  return { type, content: [buildParagraph(text)] };
}

/** A table with a heading row of header cells; every row is padded to the heading's width. */
export function buildTable(headings: readonly string[], rows: readonly (readonly string[])[]): JSONNode {
  const row = (cells: readonly string[], type: 'tableHeader' | 'tableCell') => ({
    type: 'tableRow',
    content: headings.map((_, index) => buildCell(type, cells[index] ?? '')),
  });
  return { type: 'table', content: [row(headings, 'tableHeader'), ...rows.map((cells) => row(cells, 'tableCell'))] };
}

export interface SectionOptions {
  /** Defaults to the key. */
  title?: string;
  /** 2 for a top-level section (the default), 3 for a subsection: the title's heading level. */
  level?: 2 | 3;
  status?: SectionStatus | string;
  lead?: string | null;
  /** The section's own content; defaults to one empty paragraph. */
  content?: JSONNode[];
  /** Subsections, placed after the content. */
  children?: JSONNode[];
}

/** A section node: its title, its own content, then its subsections. */
export function buildSection(key: string, options: SectionOptions = {}): JSONNode {
  const { title = key, level = 2, status = 'not_started', lead = null, content = [buildParagraph()], children = [] } = options;
  const titleNode: JSONNode = { type: SECTION_TITLE_NODE, attrs: { level }, content: [{ type: 'text', text: title }] };
  return { type: SECTION_NODE, attrs: { key, status, lead }, content: [titleNode, ...content, ...children] };
}
