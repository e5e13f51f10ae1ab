import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '../template/builtinTemplate.ts';
import { flattenSections } from '../template/flattenSections.ts';
import type { Template } from '../template/templateSchema.ts';
import { computeCoverage } from './computeCoverage.ts';
import type { ActionRow } from './documentBuilders.ts';
import { buildActionPlanTable, buildIndicatorTable, buildParagraph, buildStrategyDoc, buildTable } from './documentBuilders.ts';
import type { JSONNode } from './strategyDocument.ts';

/** The key of the built-in template's section for an area of focus, found by its number. */
function sectionFor(number: string): string {
  const focus = builtinTemplate.keyFeatures.areas.flatMap((area) => area.areasOfFocus).find((candidate) => candidate.number === number);
  const entry = flattenSections(builtinTemplate).find(({ section }) => section.areaOfFocusKey === focus?.key);
  if (!entry) throw new Error(`no section for ${number}`);
  return entry.section.key;
}

const prose = (number: string, text: string) => ({ [sectionFor(number)]: { content: [buildParagraph(text)] } });
const indicators = (number: string, rows: string[][]) => ({ [sectionFor(number)]: { content: [buildIndicatorTable(rows)] } });
const actionPlan = (...rows: ActionRow[]) => ({ 'action-plan': { content: [buildActionPlanTable(rows)] } });

type Flag = 'content' | 'actions' | 'indicator' | 'covered';

function coverageFlags(doc: JSONNode, template: Template = builtinTemplate): Record<string, Flag[]> {
  const result: Record<string, Flag[]> = {};
  for (const area of computeCoverage(doc, template)) {
    const flags = (['content', 'actions', 'indicator', 'covered'] as const).filter(
      (flag) => ({ content: area.hasContent, actions: area.hasActions, indicator: area.hasIndicator, covered: area.covered })[flag],
    );
    if (flags.length > 0) result[area.number] = flags;
  }
  return result;
}

const workplace: ActionRow = { action: 'Open workplace learning hubs (2.3)', lead: 'Chamber of commerce', timeframe: '2025–2027' };

describe('computeCoverage', () => {
  it('lists the twelve areas of focus in framework order, none covered in a new document', () => {
    const coverage = computeCoverage(buildStrategyDoc(builtinTemplate), builtinTemplate);
    expect(coverage.map((area) => area.number)).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '3.1', '3.2', '3.3']);
    expect(coverage[5]).toEqual({
      areaOfFocusKey: 'learning-for-and-in-the-workplace',
      number: '2.3',
      title: 'Effective learning for and in the workplace',
      sectionKey: sectionFor('2.3'),
      hasContent: false,
      hasActions: false,
      hasIndicator: false,
      covered: false,
    });
  });

  it.each([
    { name: 'nothing written', sections: {}, expected: {} },
    { name: 'English prose in 2.3', sections: prose('2.3', 'Firms train 4,000 apprentices a year.'), expected: { '2.3': ['content'] } },
    { name: 'Arabic prose in 1.1', sections: prose('1.1', 'تمكين الأفراد والتماسك الاجتماعي'), expected: { '1.1': ['content'] } },
    { name: 'Chinese prose in 3.2', sections: prose('3.2', '所有利益相关者参与治理'), expected: { '3.2': ['content'] } },
    { name: 'French prose in 1.3', sections: prose('1.3', 'Écoles vertes à Dakar'), expected: { '1.3': ['content'] } },
    { name: 'only an indicator row, which is not prose', sections: indicators('2.3', [['Apprentices', '4,000', '6,000', 'Chamber']]), expected: { '2.3': ['indicator'] } },
    { name: 'an indicator row with no indicator named', sections: indicators('2.3', [['', '4,000', '6,000', '']]), expected: {} },
    { name: 'an action naming 2.3 without an indicator', sections: actionPlan(workplace), expected: { '2.3': ['actions'] } },
    { name: 'an action naming 2.3 with an indicator', sections: actionPlan({ ...workplace, indicator: 'Hubs open' }), expected: { '2.3': ['actions', 'indicator'] } },
    {
      name: 'prose, an action naming a feature 2.3.1 and an indicator row',
      sections: {
        [sectionFor('2.3')]: { content: [buildParagraph('Apprenticeships.'), buildIndicatorTable([['Apprentices', '4,000', '6,000', 'Chamber']])] },
        ...actionPlan({ action: 'Apprenticeship fair, 2.3.1' }),
      },
      expected: { '2.3': ['content', 'actions', 'indicator', 'covered'] },
    },
    {
      name: 'prose and an action naming 2.3 with an indicator',
      sections: { ...prose('2.3', 'Apprenticeships.'), ...actionPlan({ ...workplace, indicator: 'Hubs open' }) },
      expected: { '2.3': ['content', 'actions', 'indicator', 'covered'] },
    },
    {
      name: 'an action table inside the area’s own section',
      sections: { [sectionFor('2.4')]: { content: [buildParagraph('Digital skills.'), buildActionPlanTable([{ action: 'Free wifi in libraries', indicator: 'Users' }])] } },
      expected: { '2.4': ['content', 'actions', 'indicator', 'covered'] },
    },
    {
      name: 'numbers that only look like 2.3',
      sections: actionPlan({ action: 'Reach 12.3% of adults', indicator: 'Rate' }, { action: 'Plan 2.31', indicator: 'Done' }),
      expected: {},
    },
    {
      name: '2.3 written in the budget column',
      sections: actionPlan({ action: 'Expand libraries', budget: '2.3 million', indicator: 'Visits' }),
      expected: {},
    },
    {
      name: 'one action naming two areas',
      sections: actionPlan({ action: 'Green skills for workers (1.3, 2.3)', indicator: 'Courses' }),
      expected: { '1.3': ['actions', 'indicator'], '2.3': ['actions', 'indicator'] },
    },
    {
      name: 'an area of focus in a column the team added',
      sections: { 'action-plan': { content: [buildTable(['Action', 'Lead', 'Indicator', 'Area of focus'], [['Mayor’s pledge', 'Mayor', '', '3.1']])] } },
      expected: { '3.1': ['actions'] },
    },
    {
      name: 'a row naming 2.3 without an action',
      sections: { 'action-plan': { content: [buildTable(['Action', 'Lead', 'Indicator', 'Area of focus'], [['', 'Mayor', 'Rate', '2.3']])] } },
      expected: {},
    },
  ])('finds $name', ({ sections, expected }) => {
    expect(coverageFlags(buildStrategyDoc(builtinTemplate, sections))).toEqual(expected);
  });

  it('still counts actions for an area of focus the template gives no section', () => {
    const template: Template = { ...builtinTemplate, sections: builtinTemplate.sections.filter((section) => section.key !== 'key-features') };
    const doc = buildStrategyDoc(template, actionPlan({ ...workplace, indicator: 'Hubs open' }));
    expect(computeCoverage(doc, template)[5]).toMatchObject({ sectionKey: null, hasContent: false, hasActions: true, hasIndicator: true, covered: false });
  });
});
