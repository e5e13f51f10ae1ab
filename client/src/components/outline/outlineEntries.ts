import type { SectionAnalysis, SectionFlag, SectionStatus } from '@lcs/shared';
import { sectionStatusLabels } from '../../editor/sections/sectionStatusLabels.ts';
import type { PresentPerson } from './presence.ts';

/** A flag as the outline words it: a short text, and the details for a tooltip. */
export interface FlagSummary {
  kind: SectionFlag['kind'];
  text: string;
  detail: string;
}

/** One row of the outline. */
export interface OutlineEntry {
  key: string;
  title: string;
  /** 0 for a top-level section, 1 for a subsection. */
  depth: number;
  status: SectionStatus;
  statusLabel: string;
  lead: string | null;
  /** The section's words, its subsections' included: a parent of written subsections is not empty. */
  words: number;
  wordsLabel: string;
  flags: FlagSummary[];
  /** Others whose cursor is in this section (not in one of its subsections) now. */
  people: PresentPerson[];
  subsections: OutlineEntry[];
}

const fieldNames: Record<string, string> = { action: 'action', lead: 'lead', timeframe: 'timeframe', indicator: 'indicator' };

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "1 word", "1,204 words". */
export function formatWordCount(words: number): string {
  return `${words.toLocaleString('en')} ${words === 1 ? 'word' : 'words'}`;
}

/**
 * The flags of one section as the outline shows them: one line for an empty required section, one
 * line counting the incomplete action plan rows (with which cells each row misses as the detail).
 */
export function summarizeFlags(flags: readonly SectionFlag[]): FlagSummary[] {
  const summaries: FlagSummary[] = [];
  if (flags.some((flag) => flag.kind === 'emptyRequired')) {
    summaries.push({ kind: 'emptyRequired', text: 'Required section is empty', detail: 'This section is required and has no text yet.' });
  }
  const rows = flags.flatMap((flag) => (flag.kind === 'incompleteAction' ? [flag] : []));
  if (rows.length > 0) {
    const tables = new Set(rows.map((row) => row.tableIndex)).size;
    const detail = rows
      .map((row) => {
        const where = tables > 1 ? `Table ${row.tableIndex + 1}, row ${row.rowIndex}` : `Row ${row.rowIndex}`;
        return `${where}: no ${listWords(row.missing.map((field) => fieldNames[field] ?? field))}`;
      })
      .join('\n');
    summaries.push({ kind: 'incompleteAction', text: `${rows.length} action ${rows.length === 1 ? 'row' : 'rows'} incomplete`, detail });
  }
  return summaries;
}

/**
 * The outline as a tree: top-level sections in document order, each with its subsections. A
 * subsection whose parent is missing (a document edited outside the app) is listed at the top.
 */
export function outlineEntries(sections: readonly SectionAnalysis[], presence: ReadonlyMap<string, PresentPerson[]>): OutlineEntry[] {
  const keys = new Set(sections.map((section) => section.key));
  const entries = new Map<string, OutlineEntry>();
  const top: OutlineEntry[] = [];
  for (const section of sections) {
    const parent = section.parentKey !== null && keys.has(section.parentKey) ? entries.get(section.parentKey) : undefined;
    const entry: OutlineEntry = {
      key: section.key,
      title: section.title || 'Untitled section',
      depth: parent ? parent.depth + 1 : 0,
      status: section.status,
      statusLabel: sectionStatusLabels[section.status],
      lead: section.lead,
      words: section.wordCount,
      wordsLabel: '',
      flags: summarizeFlags(section.flags),
      people: presence.get(section.key) ?? [],
      subsections: [],
    };
    entries.set(section.key, entry);
    if (parent) parent.subsections.push(entry);
    else top.push(entry);
  }
  const total = (entry: OutlineEntry): number => {
    entry.words += entry.subsections.reduce((sum, child) => sum + total(child), 0);
    entry.wordsLabel = formatWordCount(entry.words);
    return entry.words;
  };
  top.forEach(total);
  return top;
}
