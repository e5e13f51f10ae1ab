import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '../template/builtinTemplate.ts';
import { flattenSections } from '../template/flattenSections.ts';
import { analyzeSections } from './analyzeSections.ts';
import type { ActionRow } from './documentBuilders.ts';
import { buildActionPlanTable, buildIndicatorTable, buildParagraph, buildSection, buildStrategyDoc, buildTable } from './documentBuilders.ts';
import type { JSONNode } from './strategyDocument.ts';

function analysisOf(key: string, sections: Parameters<typeof buildStrategyDoc>[1]) {
  const analysis = analyzeSections(buildStrategyDoc(builtinTemplate, sections), builtinTemplate).find((section) => section.key === key);
  if (!analysis) throw new Error(`no section ${key}`);
  return analysis;
}

const text = (value: string): JSONNode => ({ type: 'text', text: value });
const list = (...items: string[]): JSONNode => ({ type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [buildParagraph(item)] })) });

describe('analyzeSections', () => {
  it('lists every section of a new document in template order, not started, unled and empty', () => {
    const analyses = analyzeSections(buildStrategyDoc(builtinTemplate), builtinTemplate);
    const expected = flattenSections(builtinTemplate).map(({ section, parentKey }) => ({
      key: section.key,
      parentKey,
      title: section.title,
      required: section.required,
      status: 'not_started',
      lead: null,
      wordCount: 0,
      isEmpty: true,
      flags: section.required ? [{ kind: 'emptyRequired' }] : [],
    }));
    expect(analyses).toEqual(expected);
  });

  it.each([
    { name: 'an English paragraph', content: [buildParagraph('We will open ten learning centres.')], words: 6 },
    { name: 'French with accents', content: [buildParagraph('Une ville apprenante pour tous, à Québec.')], words: 7 },
    { name: 'Arabic', content: [buildParagraph('مدينة التعلم مدى الحياة')], words: 4 },
    { name: 'Chinese, one word per character', content: [buildParagraph('建设学习型城市')], words: 7 },
    { name: 'a heading and a bullet list', content: [{ type: 'heading', attrs: { level: 3 }, content: [text('Goals')] }, list('Literacy for all', 'Jobs')], words: 5 },
    { name: 'a word split by a mark', content: [{ type: 'paragraph', content: [text('learn'), { type: 'text', text: 'ing', marks: [{ type: 'bold' }] }] }], words: 1 },
    { name: 'words around a hard break', content: [{ type: 'paragraph', content: [text('first'), { type: 'hardBreak' }, text('second')] }], words: 2 },
    { name: 'two adjacent paragraphs', content: [buildParagraph('end'), buildParagraph('start')], words: 2 },
    { name: 'a new indicator table, headings not counted', content: [buildIndicatorTable()], words: 0 },
    { name: 'a filled indicator row', content: [buildIndicatorTable([['Adults in learning', '12%', '20%', 'City survey']])], words: 7 },
    { name: 'a table of the team’s own with headings', content: [buildTable(['Venue', 'Opening'], [['Central library', '2026']])], words: 3 },
  ])('counts the words of $name', ({ content, words }) => {
    const analysis = analysisOf('vision-and-motivation', { 'vision-and-motivation': { content } });
    expect([analysis.wordCount, analysis.isEmpty]).toEqual([words, words === 0]);
  });

  it('counts a section’s own words only: not its title, not its subsections', () => {
    const sections = { 'context-and-situation-analysis': { content: [] }, 'city-profile': { content: [buildParagraph('A port city of two million.')] } };
    expect(analysisOf('context-and-situation-analysis', sections).wordCount).toBe(0);
    expect(analysisOf('city-profile', sections).wordCount).toBe(6);
  });

  it.each([
    { attrs: { status: 'drafting', lead: 'Amina' }, status: 'drafting', lead: 'Amina' },
    { attrs: { status: 'final', lead: '李伟' }, status: 'final', lead: '李伟' },
    { attrs: { status: 'done', lead: '  ' }, status: 'not_started', lead: null },
  ])('reads status $attrs.status and lead "$attrs.lead" as $status and $lead', ({ attrs, status, lead }) => {
    const analysis = analysisOf('goals-and-priorities', { 'goals-and-priorities': attrs });
    expect([analysis.status, analysis.lead]).toEqual([status, lead]);
  });

  it.each([
    { key: 'vision-and-motivation', content: [buildParagraph('Learning for all.')], flags: [] },
    { key: 'celebration-and-outreach', content: [buildParagraph()], flags: [] },
    { key: 'governance-and-stakeholders', content: [buildParagraph('  ')], flags: [{ kind: 'emptyRequired' }] },
  ])('flags $key as an empty required section only when it is required and empty', ({ key, content, flags }) => {
    expect(analysisOf(key, { [key]: { content } }).flags).toEqual(flags);
  });

  const complete: ActionRow = { action: 'Learning festival (2.6)', lead: 'Culture office', timeframe: '2025', indicator: 'Visitors' };
  it.each([
    { name: 'a complete row', rows: [complete], flags: [] },
    { name: 'the blank row a new table starts with', rows: [{}], flags: [] },
    { name: 'a row without a lead', rows: [{ ...complete, lead: '' }], flags: [[1, ['lead']]] },
    { name: 'a second row without timeframe and indicator', rows: [complete, { action: 'Family literacy', lead: 'Libraries' }], flags: [[2, ['timeframe', 'indicator']]] },
    { name: 'a row with only a budget', rows: [{ budget: '€10,000' }], flags: [[1, ['action', 'lead', 'timeframe', 'indicator']]] },
    { name: 'a row in Arabic without a lead', rows: [{ action: 'مهرجان التعلم', timeframe: '٢٠٢٥', indicator: 'عدد الزوار' }], flags: [[1, ['lead']]] },
  ])('flags action plan rows: $name', ({ rows, flags }) => {
    const expected = flags.map(([rowIndex, missing]) => ({ kind: 'incompleteAction', tableIndex: 0, rowIndex, missing }));
    const { flags: actual } = analysisOf('action-plan', { 'action-plan': { content: [buildActionPlanTable(rows)] } });
    expect(actual.filter((flag) => flag.kind === 'incompleteAction')).toEqual(expected);
  });

  it('recognises an action plan by its headings in any section and numbers its action tables', () => {
    const cork = buildTable(['ACTION', 'Lead', 'Partners', 'Time frame', 'KPIs', 'Council role'], [['Learning neighbourhoods', 'City', '', '', 'Groups active', '']]);
    const flags = analysisOf('resources-and-funding', { 'resources-and-funding': { content: [buildActionPlanTable([complete]), buildIndicatorTable(), cork] } }).flags;
    expect(flags).toEqual([{ kind: 'incompleteAction', tableIndex: 1, rowIndex: 1, missing: ['timeframe'] }]);
  });

  it('does not flag a required section whose text is in its subsections', () => {
    const template = JSON.parse(JSON.stringify(builtinTemplate)) as typeof builtinTemplate;
    const context = template.sections.find((section) => section.key === 'context-and-situation-analysis');
    if (context) context.required = true;
    const flagsOf = (sections: Parameters<typeof buildStrategyDoc>[1]) =>
      analyzeSections(buildStrategyDoc(template, sections), template).find((section) => section.key === 'context-and-situation-analysis')?.flags;
    expect(flagsOf({})).toEqual([{ kind: 'emptyRequired' }]);
    expect(flagsOf({ challenges: { content: [buildParagraph('Youth unemployment.')] } })).toEqual([]);
  });

  it('lists a section the template does not know as not required', () => {
    const doc: JSONNode = { type: 'doc', content: [buildSection('annex', { title: 'Annex', content: [] })] };
    expect(analyzeSections(doc, builtinTemplate)).toMatchObject([{ key: 'annex', title: 'Annex', required: false, isEmpty: true, flags: [] }]);
  });
});
