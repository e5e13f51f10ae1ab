import { describe, expect, it } from 'vitest';
import { ACTION_PLAN_TABLE_COLUMNS, buildParagraph, buildStrategyContent, buildTable, builtinTemplate, computeCoverage } from '@lcs/shared';
import type { AreaOfFocusCoverage, JSONNode } from '@lcs/shared';
import { coverageBands, coverageItemLabel, coverageSummary, missingParts } from './coverageBands.ts';

function item(overrides: Partial<AreaOfFocusCoverage>): AreaOfFocusCoverage {
  return {
    areaOfFocusKey: 'x',
    number: '2.3',
    title: 'Effective learning for and in the workplace',
    sectionKey: 'focus-x',
    hasContent: false,
    hasActions: false,
    hasIndicator: false,
    covered: false,
    ...overrides,
  };
}

/** A new strategy from the built-in template with prose in one section and one action row. */
function strategyWith(sectionKey: string, prose: string, actionRow: string[]): JSONNode {
  const doc = buildStrategyContent(builtinTemplate);
  const visit = (node: JSONNode): JSONNode => {
    if (node.type !== 'section') return node;
    const [title, ...rest] = node.content ?? [];
    let content = rest.map(visit);
    if (node.attrs?.key === sectionKey) content = [buildParagraph(prose), ...content];
    if (node.attrs?.key === 'action-plan') content = [buildTable(ACTION_PLAN_TABLE_COLUMNS, [actionRow])];
    return { ...node, content: [title!, ...content] };
  };
  return { ...doc, content: (doc.content ?? []).map(visit) };
}

describe('the coverage view', () => {
  it('draws the three areas as pediment, columns and foundation with 3, 6 and 3 areas of focus', () => {
    const bands = coverageBands(builtinTemplate, computeCoverage(buildStrategyContent(builtinTemplate), builtinTemplate));
    expect(bands.map((band) => [band.metaphor, band.areas.length, band.covered])).toEqual([
      ['pediment', 3, 0],
      ['columns', 6, 0],
      ['foundation', 3, 0],
    ]);
    expect(bands[1]?.areas.map((a) => a.number)).toEqual(['2.1', '2.2', '2.3', '2.4', '2.5', '2.6']);
  });

  it('counts an area of focus with text, an action naming it and that action’s indicator as covered', () => {
    const doc = strategyWith('focus-learning-for-and-in-the-workplace', 'Apprenticeships for all', ['2.3 Apprenticeship fair', 'Chamber', '', '2025', 'Apprentices placed', '']);
    const coverage = computeCoverage(doc, builtinTemplate);
    const bands = coverageBands(builtinTemplate, coverage);
    expect(bands[1]?.covered).toBe(1);
    expect(coverageSummary(coverage)).toBe('1 of 12 areas of focus covered');
    expect(coverageItemLabel(coverage.find((c) => c.number === '2.3')!)).toBe('2.3 Effective learning for and in the workplace: covered');
  });

  it('says what an area of focus still lacks', () => {
    expect(missingParts(item({}))).toBe('no text, no actions and no indicator');
    expect(missingParts(item({ hasContent: true, hasActions: true }))).toBe('no indicator');
    expect(coverageItemLabel(item({ hasContent: true }))).toBe('2.3 Effective learning for and in the workplace: needs work, no actions and no indicator');
  });
});
