import { describe, expect, it } from 'vitest';
import { readSections } from '../coverage/readSections.ts';
import type { JSONNode } from '../coverage/strategyDocument.ts';
import { editorSchema } from '../schema/editorExtensions.ts';
import { builtinTemplate } from '../template/builtinTemplate.ts';
import { flattenSections } from '../template/flattenSections.ts';
import { ACTION_PLAN_TABLE_COLUMNS, INDICATOR_TABLE_COLUMNS } from '../template/tableColumns.ts';
import type { Template } from '../template/templateSchema.ts';
import { buildStrategyContent } from './buildStrategyContent.ts';

const schema = editorSchema();

/** A small template with every kind of block and a subsection. */
const template: Template = {
  ...builtinTemplate,
  sections: [
    { key: 'vision', title: 'Vision', guidance: [], guidanceSource: 'product', required: true, blocks: [{ kind: 'prose', placeholder: 'Write here' }] },
    {
      key: 'context',
      title: 'Context',
      guidance: [],
      guidanceSource: 'product',
      required: false,
      blocks: [],
      children: [{ key: 'profile', title: 'Profile', guidance: [], guidanceSource: 'product', required: true, blocks: [{ kind: 'prose' }, { kind: 'indicatorTable' }] }],
    },
    { key: 'action-plan', title: 'Action plan', guidance: [], guidanceSource: 'product', required: true, blocks: [{ kind: 'actionPlanTable' }] },
  ],
};

const rowTexts = (table: JSONNode) => (table.content ?? []).map((row) => (row.content ?? []).map((cell) => cell.content?.[0]?.content?.[0]?.text ?? ''));

describe('buildStrategyContent', () => {
  it('builds a document the editor schema accepts, for the built-in template and a small one', () => {
    for (const each of [builtinTemplate, template]) {
      expect(() => schema.nodeFromJSON(buildStrategyContent(each)).check(), each.id).not.toThrow();
    }
  });

  it('holds every template section in template order, subsections inside their parent, none started and none led', () => {
    const sections = readSections(buildStrategyContent(builtinTemplate));
    expect(sections.map(({ key, parentKey, title }) => ({ key, parentKey, title }))).toEqual(
      flattenSections(builtinTemplate).map(({ section, parentKey }) => ({ key: section.key, parentKey, title: section.title })),
    );
    expect(new Set(sections.map((section) => `${section.status}/${section.lead}`))).toEqual(new Set(['not_started/null']));
  });

  it('starts each section with its blocks: prose as an empty paragraph, tables with their heading row and one blank row', () => {
    const [vision, context, actionPlan] = buildStrategyContent(template).content!;
    expect(vision!.content!.map((node) => node.type)).toEqual(['sectionTitle', 'paragraph']);
    expect(vision!.content![1]).toEqual({ type: 'paragraph' });

    expect(context!.content!.map((node) => node.type)).toEqual(['sectionTitle', 'section']);
    const profile = context!.content![1]!;
    expect(profile.content!.map((node) => node.type)).toEqual(['sectionTitle', 'paragraph', 'table']);
    expect(rowTexts(profile.content![2]!)).toEqual([[...INDICATOR_TABLE_COLUMNS], ['', '', '', '']]);
    expect(profile.content![2]!.content![0]!.content!.every((cell) => cell.type === 'tableHeader')).toBe(true);

    expect(rowTexts(actionPlan!.content![1]!)).toEqual([[...ACTION_PLAN_TABLE_COLUMNS], ['', '', '', '', '', '']]);
  });

  it('titles top-level sections at level 2 and subsections at level 3', () => {
    const [, context] = buildStrategyContent(template).content!;
    expect(context!.content![0]).toEqual({ type: 'sectionTitle', attrs: { level: 2 }, content: [{ type: 'text', text: 'Context' }] });
    expect(context!.content![1]!.content![0]!.attrs).toEqual({ level: 3 });
  });
});
