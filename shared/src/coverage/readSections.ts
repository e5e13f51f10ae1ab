import { countWords } from './countWords.ts';
import { nodeText } from './nodeText.ts';
import { readTable } from './readTable.ts';
import type { ReadTable } from './readTable.ts';
import { isSectionStatus, SECTION_NODE, SECTION_TITLE_NODE } from './strategyDocument.ts';
import type { JSONNode, SectionStatus } from './strategyDocument.ts';

/** One section of a strategy document, read from its own content (never its subsections'). */
export interface DocumentSection {
  key: string;
  /** Key of the section this one is nested in, or null at the top level. */
  parentKey: string | null;
  title: string;
  status: SectionStatus;
  lead: string | null;
  /** Words after the title, outside subsections; table heading rows are labels, not counted. */
  wordCount: number;
  /** Words outside indicator and action plan tables: what the team wrote as prose. */
  proseWordCount: number;
  /** Every table in the section's own content, in document order. */
  tables: ReadTable[];
}

interface Counts {
  words: number;
  prose: number;
  tables: ReadTable[];
}

function isTextblock(node: JSONNode): boolean {
  return (node.content ?? []).some((child) => typeof child.text === 'string' || child.type === 'hardBreak');
}

function walkContent(nodes: JSONNode[], counts: Counts): void {
  for (const node of nodes) {
    if (node.type === SECTION_NODE || node.type === SECTION_TITLE_NODE) continue;
    if (node.type === 'table') {
      const table = readTable(node);
      counts.tables.push(table);
      const words = table.rows.reduce((sum, row) => sum + row.cells.reduce((n, cell) => n + countWords(cell), 0), 0);
      counts.words += words;
      if (table.kind === 'other') counts.prose += words;
    } else if (typeof node.text === 'string' || isTextblock(node)) {
      const words = countWords(nodeText(node));
      counts.words += words;
      counts.prose += words;
    } else {
      walkContent(node.content ?? [], counts);
    }
  }
}

function readSection(node: JSONNode, key: string, parentKey: string | null): DocumentSection {
  const attrs = node.attrs ?? {};
  const children = node.content ?? [];
  const titleNode = children.find((child) => child.type === SECTION_TITLE_NODE);
  const counts: Counts = { words: 0, prose: 0, tables: [] };
  walkContent(children, counts);
  return {
    key,
    parentKey,
    title: titleNode ? nodeText(titleNode).trim() : '',
    // The document is shared and editable by many clients; an unknown value reads as its default.
    status: isSectionStatus(attrs.status) ? attrs.status : 'not_started',
    lead: typeof attrs.lead === 'string' && attrs.lead.trim() !== '' ? attrs.lead : null,
    wordCount: counts.words,
    proseWordCount: counts.prose,
    tables: counts.tables,
  };
}

/**
 * Every keyed section of a strategy document in document order, parents before their subsections.
 * A section without a string key cannot be matched to the template and is skipped, though the
 * sections nested in it are still read; nodes other than sections at the top level are ignored.
 */
export function readSections(doc: JSONNode): DocumentSection[] {
  const sections: DocumentSection[] = [];
  const visit = (nodes: JSONNode[], parentKey: string | null) => {
    for (const node of nodes) {
      if (node.type !== SECTION_NODE) continue;
      const key = node.attrs?.key;
      if (typeof key === 'string' && key !== '') {
        sections.push(readSection(node, key, parentKey));
        visit(node.content ?? [], key);
      } else {
        visit(node.content ?? [], parentKey);
      }
    }
  };
  visit(doc.content ?? [], null);
  return sections;
}
