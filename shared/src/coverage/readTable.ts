import { ACTION_PLAN_TABLE_COLUMNS, INDICATOR_TABLE_COLUMNS } from '../template/tableColumns.ts';
import { nodeText } from './nodeText.ts';
import type { JSONNode } from './strategyDocument.ts';

/** A column of the indicator or action plan table, by meaning rather than by heading text. */
export type TableColumn = Lowercase<(typeof ACTION_PLAN_TABLE_COLUMNS)[number] | (typeof INDICATOR_TABLE_COLUMNS)[number]>;

export type TableKind = 'indicator' | 'actionPlan' | 'other';

export interface TableRow {
  /** Index of the row in the table, header included: the first row under the header is 1. */
  rowIndex: number;
  /** Trimmed text of each cell, in column order. */
  cells: string[];
}

export interface ReadTable {
  kind: TableKind;
  /** What each column holds, from its heading; null for a column the team added or renamed. */
  columns: (TableColumn | null)[];
  /** The rows under the heading row (all rows when the table has no heading row). */
  rows: TableRow[];
}

// Headings teams plausibly write for the same column; "Indicator (KPI)" loses its bracket first.
const ALIASES: Record<string, TableColumn> = {
  actions: 'action',
  leads: 'lead',
  partner: 'partners',
  'time frame': 'timeframe',
  timeline: 'timeframe',
  indicators: 'indicator',
  kpi: 'indicator',
  kpis: 'indicator',
  targets: 'target',
  sources: 'source',
};
for (const column of [...ACTION_PLAN_TABLE_COLUMNS, ...INDICATOR_TABLE_COLUMNS]) ALIASES[column.toLowerCase()] = column.toLowerCase() as TableColumn;

function toColumn(heading: string): TableColumn | null {
  const normalised = heading.toLowerCase().replace(/\(.*?\)/g, ' ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return ALIASES[normalised] ?? null;
}

function classify(columns: (TableColumn | null)[]): TableKind {
  const has = (column: TableColumn) => columns.includes(column);
  // Action and Lead set the action plan apart; an indicator table has no Action column.
  if (has('action') && has('lead')) return 'actionPlan';
  if (has('indicator') && (has('baseline') || has('target'))) return 'indicator';
  return 'other';
}

/**
 * Reads a `table` node: what kind it is (by its first row's words, case-insensitive) and the text of
 * every row below the heading. A first row made only of header cells is a heading row too.
 */
export function readTable(table: JSONNode): ReadTable {
  const rowNodes = table.content ?? [];
  const rows = rowNodes.map((row, rowIndex) => ({ rowIndex, cells: (row.content ?? []).map((cell) => nodeText(cell).trim()) }));
  const columns = (rows[0]?.cells ?? []).map(toColumn);
  const kind = classify(columns);
  const firstCells = rowNodes[0]?.content ?? [];
  const hasHeadingRow = kind !== 'other' || (firstCells.length > 0 && firstCells.every((cell) => cell.type === 'tableHeader'));
  return { kind, columns, rows: hasHeadingRow ? rows.slice(1) : rows };
}

/** The text of `row` under `column`, or '' when the table has no such column. */
export function cellText(table: ReadTable, row: TableRow, column: TableColumn): string {
  const index = table.columns.indexOf(column);
  return index < 0 ? '' : (row.cells[index] ?? '');
}

export function isBlankRow(row: TableRow): boolean {
  return row.cells.every((cell) => cell === '');
}
