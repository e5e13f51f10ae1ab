import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_TABLE_COLUMNS, analyzeSections, buildParagraph, buildSection, buildTable, builtinTemplate } from '@lcs/shared';
import type { SectionAnalysis } from '@lcs/shared';
import { formatWordCount, outlineEntries, summarizeFlags } from './outlineEntries.ts';

function analysis(key: string, overrides: Partial<SectionAnalysis> = {}): SectionAnalysis {
  return { key, parentKey: null, title: key, required: false, status: 'not_started', lead: null, wordCount: 0, isEmpty: true, flags: [], ...overrides };
}

describe('the outline', () => {
  it('nests subsections under their section, in document order', () => {
    const entries = outlineEntries([analysis('a'), analysis('b'), analysis('b1', { parentKey: 'b' }), analysis('b2', { parentKey: 'b' })], new Map());
    expect(entries.map((e) => [e.key, e.depth, e.subsections.map((s) => [s.key, s.depth])])).toEqual([
      ['a', 0, []],
      ['b', 0, [['b1', 1], ['b2', 1]]],
    ]);
  });

  it('counts a section’s words with its subsections’', () => {
    const [b] = outlineEntries([analysis('b', { wordCount: 3 }), analysis('b1', { parentKey: 'b', wordCount: 1 }), analysis('b2', { parentKey: 'b', wordCount: 10 })], new Map());
    expect(b?.wordsLabel).toBe('14 words');
    expect(b?.subsections.map((s) => s.wordsLabel)).toEqual(['1 word', '10 words']);
  });

  it('labels status and lead, and lists who is there', () => {
    const amina = { name: 'Amina', color: '#123456' };
    const [entry] = outlineEntries([analysis('a', { status: 'ready_for_review', lead: 'Bo' })], new Map([['a', [amina]]]));
    expect(entry).toMatchObject({ statusLabel: 'Ready for review', lead: 'Bo', people: [amina] });
  });

  it('lists a subsection whose parent is missing at the top rather than losing it', () => {
    expect(outlineEntries([analysis('orphan', { parentKey: 'gone' })], new Map()).map((e) => e.key)).toEqual(['orphan']);
  });

  it('reads a real strategy: required sections flagged until written, action rows counted', () => {
    const doc = {
      type: 'doc',
      content: [
        buildSection('vision-and-motivation', { title: 'Vision and motivation' }),
        buildSection('goals-and-priorities', { title: 'Goals and priorities', content: [buildParagraph('Three goals for everyone')] }),
        buildSection('action-plan', {
          title: 'Action plan',
          content: [
            buildTable(ACTION_PLAN_TABLE_COLUMNS, [
              ['Learning festival (2.6)', 'City', 'Libraries', '2025', 'Visitors', '10k'],
              ['Family reading (2.2)', '', '', '2026', '', ''],
              ['Open data portal', 'IT office', '', '', 'Datasets', ''],
            ]),
          ],
        }),
      ],
    };
    const [vision, goals, actions] = outlineEntries(analyzeSections(doc, builtinTemplate), new Map());
    expect(vision?.flags.map((f) => f.text)).toEqual(['Required section is empty']);
    expect(goals?.flags).toEqual([]);
    expect(goals?.wordsLabel).toBe('4 words');
    expect(actions?.flags.map((f) => f.text)).toEqual(['2 action rows incomplete']);
  });
});

describe('flag summaries', () => {
  it('say which cells each incomplete action row misses', () => {
    const [summary] = summarizeFlags([
      { kind: 'incompleteAction', tableIndex: 0, rowIndex: 2, missing: ['lead', 'indicator'] },
      { kind: 'incompleteAction', tableIndex: 0, rowIndex: 3, missing: ['lead', 'timeframe', 'indicator'] },
    ]);
    expect(summary?.text).toBe('2 action rows incomplete');
    expect(summary?.detail).toBe('Row 2: no lead and indicator\nRow 3: no lead, timeframe and indicator');
  });

  it('name the table when a section has several', () => {
    const [summary] = summarizeFlags([
      { kind: 'incompleteAction', tableIndex: 0, rowIndex: 1, missing: ['lead'] },
      { kind: 'incompleteAction', tableIndex: 1, rowIndex: 1, missing: ['timeframe'] },
    ]);
    expect(summary?.detail).toBe('Table 1, row 1: no lead\nTable 2, row 1: no timeframe');
  });

  it('use the singular for one row, and say nothing when all is well', () => {
    expect(summarizeFlags([{ kind: 'incompleteAction', tableIndex: 0, rowIndex: 1, missing: ['action'] }])[0]?.text).toBe('1 action row incomplete');
    expect(summarizeFlags([])).toEqual([]);
  });

  it('put the empty required section first', () => {
    const kinds = summarizeFlags([{ kind: 'incompleteAction', tableIndex: 0, rowIndex: 1, missing: ['lead'] }, { kind: 'emptyRequired' }]).map((f) => f.kind);
    expect(kinds).toEqual(['emptyRequired', 'incompleteAction']);
  });
});

describe('word counts', () => {
  it.each([
    [0, '0 words'],
    [1, '1 word'],
    [1204, '1,204 words'],
  ])('%i reads %j', (words, label) => {
    expect(formatWordCount(words)).toBe(label);
  });
});
