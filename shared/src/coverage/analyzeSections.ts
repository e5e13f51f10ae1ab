import { flattenSections } from '../template/flattenSections.ts';
import type { Template } from '../template/templateSchema.ts';
import { readSections } from './readSections.ts';
import { cellText, isBlankRow } from './readTable.ts';
import type { ReadTable, TableColumn } from './readTable.ts';
import type { JSONNode, SectionStatus } from './strategyDocument.ts';

/** The action plan cells a row needs before it can be carried out and tracked. */
export const REQUIRED_ACTION_FIELDS = ['action', 'lead', 'timeframe', 'indicator'] as const satisfies readonly TableColumn[];
export type ActionField = (typeof REQUIRED_ACTION_FIELDS)[number];

/** Something the outline points out; flags never block writing or exporting. */
export type SectionFlag =
  | { kind: 'emptyRequired' }
  | {
      kind: 'incompleteAction';
      /** Which action plan table of the section, counting from 0 in document order. */
      tableIndex: number;
      /** Row index within that table, heading row included: the first action is row 1. */
      rowIndex: number;
      missing: ActionField[];
    };

/** What the outline sidebar shows for one section. */
export interface SectionAnalysis {
  key: string;
  parentKey: string | null;
  title: string;
  /** From the template; a section the template does not know is never required. */
  required: boolean;
  status: SectionStatus;
  lead: string | null;
  /** Words in the section's own content: not its title, not its subsections, not table headings. */
  wordCount: number;
  isEmpty: boolean;
  flags: SectionFlag[];
}

function actionFlags(tables: ReadTable[]): SectionFlag[] {
  return tables
    .filter((table) => table.kind === 'actionPlan')
    .flatMap((table, tableIndex) =>
      // A wholly blank row is the empty row a new table starts with, not an incomplete action.
      table.rows.filter((row) => !isBlankRow(row)).flatMap((row): SectionFlag[] => {
        const missing = REQUIRED_ACTION_FIELDS.filter((field) => cellText(table, row, field) === '');
        return missing.length > 0 ? [{ kind: 'incompleteAction', tableIndex, rowIndex: row.rowIndex, missing }] : [];
      }),
    );
}

/**
 * Per section of the document, in document order: word count, status, lead, emptiness and flags
 * (a required section with no words, in itself or its subsections; action plan rows missing an
 * action, lead, timeframe or indicator).
 * Pure and shared, so the client's outline and the server's reports agree.
 */
export function analyzeSections(doc: JSONNode, template: Template): SectionAnalysis[] {
  const templateSections = new Map(flattenSections(template).map(({ section }) => [section.key, section]));
  const sections = readSections(doc);
  const subsectionWords = new Map<string, number>();
  for (const { parentKey, wordCount } of sections) {
    if (parentKey !== null) subsectionWords.set(parentKey, (subsectionWords.get(parentKey) ?? 0) + wordCount);
  }
  return sections.map((section) => {
    const templateSection = templateSections.get(section.key);
    const isRequired = templateSection?.required ?? false;
    const isEmpty = section.wordCount === 0;
    // A required section whose text lives in its subsections is not empty as far as the team goes.
    const missingText = isEmpty && (subsectionWords.get(section.key) ?? 0) === 0;
    const flags: SectionFlag[] = isRequired && missingText ? [{ kind: 'emptyRequired' }] : [];
    return {
      key: section.key,
      parentKey: section.parentKey,
      title: section.title || (templateSection?.title ?? ''),
      required: isRequired,
      status: section.status,
      lead: section.lead,
      wordCount: section.wordCount,
      isEmpty,
      flags: [...flags, ...actionFlags(section.tables)],
    };
  });
}
