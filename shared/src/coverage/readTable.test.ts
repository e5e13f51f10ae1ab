import { describe, expect, it } from 'vitest';
import { buildParagraph, buildTable } from './documentBuilders.ts';
import { readTable } from './readTable.ts';
import type { JSONNode } from './strategyDocument.ts';

function plainTable(rows: string[][]): JSONNode {
  return { type: 'table', content: rows.map((cells) => ({ type: 'tableRow', content: cells.map((text) => ({ type: 'tableCell', content: [buildParagraph(text)] })) })) };
}

describe('readTable', () => {
  it.each([
    { headings: ['Indicator', 'Baseline', 'Target', 'Source'], kind: 'indicator' },
    { headings: ['INDICATOR', 'baseline', 'Target'], kind: 'indicator' },
    { headings: ['Indicator (KPI)', 'Target'], kind: 'indicator' },
    { headings: ['Action', 'Lead', 'Partners', 'Timeframe', 'Indicator', 'Budget'], kind: 'actionPlan' },
    { headings: ['Actions', 'Lead', 'Partners', 'Time frame', 'KPIs', 'Council role'], kind: 'actionPlan' },
    { headings: ['Indicateur', 'Valeur de référence', 'Cible'], kind: 'other' },
    { headings: ['Action', 'Partners'], kind: 'other' },
  ])('recognises $headings as a table of kind $kind', ({ headings, kind }) => {
    expect(readTable(buildTable(headings, [])).kind).toBe(kind);
  });

  it('maps headings to columns whatever their case, leaving added columns unnamed', () => {
    const table = readTable(buildTable(['Actions', 'LEAD', 'Timeline', 'Indicator (KPI)', 'Area of focus'], []));
    expect(table.columns).toEqual(['action', 'lead', 'timeframe', 'indicator', null]);
  });

  it('keeps the rows under the heading row with their index in the table and trimmed cell text', () => {
    const table = readTable(buildTable(['Indicator', 'Baseline', 'Target'], [[' Adults in learning ', '12%', '20%'], []]));
    expect(table.rows).toEqual([
      { rowIndex: 1, cells: ['Adults in learning', '12%', '20%'] },
      { rowIndex: 2, cells: ['', '', ''] },
    ]);
  });

  it('treats every row of a table without header cells or known headings as data', () => {
    expect(readTable(plainTable([['Library', 'Opens 2026'], ['Museum', 'Open']])).rows.map((row) => row.rowIndex)).toEqual([0, 1]);
  });
});
