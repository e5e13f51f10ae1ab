import { describe, expect, it } from 'vitest';
import { builtinTemplate } from './builtinTemplate.ts';
import { flattenSections } from './flattenSections.ts';
import { parseTemplate } from './parseTemplate.ts';

describe('built-in template', () => {
  it('validates against the template schema unchanged', () => {
    expect(parseTemplate(builtinTemplate)).toEqual({ ok: true, template: builtinTemplate });
  });

  it('is the English learning-city-strategy template, version 1', () => {
    expect([builtinTemplate.id, builtinTemplate.version, builtinTemplate.language]).toEqual(['learning-city-strategy', 1, 'en']);
  });

  it('holds the three Key Features areas exactly as UNESCO names them, in logo order', () => {
    expect(builtinTemplate.keyFeatures.areas.map(({ number, title, metaphor }) => [number, title, metaphor])).toEqual([
      ['1', 'Wider benefits of building a learning city', 'pediment'],
      ['2', 'Major building blocks of a learning city', 'columns'],
      ['3', 'Fundamental conditions for building a learning city', 'foundation'],
    ]);
  });

  it('holds the twelve areas of focus exactly as UNESCO names them', () => {
    const areasOfFocus = builtinTemplate.keyFeatures.areas.flatMap((area) => area.areasOfFocus);
    expect(areasOfFocus.map(({ number, title }) => `${number} ${title}`)).toEqual([
      '1.1 Individual empowerment and social cohesion',
      '1.2 Economic development and cultural prosperity',
      '1.3 Sustainable development',
      '2.1 Inclusive learning in the education system',
      '2.2 Re-vitalised learning in families and communities',
      '2.3 Effective learning for and in the workplace',
      '2.4 Extended use of modern learning technologies',
      '2.5 Enhanced quality in learning',
      '2.6 A vibrant culture of learning throughout life',
      '3.1 Strong political will and commitment',
      '3.2 Governance and participation of all stakeholders',
      '3.3 Mobilisation and utilisation of resources',
    ]);
  });

  it('ships no feature wording, leaving UNESCO text to be imported or typed by a facilitator', () => {
    const features = builtinTemplate.keyFeatures.areas.flatMap((area) => area.areasOfFocus.flatMap((focus) => focus.features));
    expect(features).toEqual([]);
  });

  it('lists the strategy frame sections in order', () => {
    expect(builtinTemplate.sections.map((section) => section.title)).toEqual([
      'Vision and motivation',
      'Context and situation analysis',
      'Goals and priorities',
      'Key Features areas of focus',
      'Thematic priorities',
      'Governance and stakeholders',
      'Celebration and outreach',
      'Accessibility and target groups',
      'Resources and funding',
      'Monitoring and evaluation',
      'Alignment with national and international policy',
      'Action plan',
    ]);
    const context = builtinTemplate.sections[1]?.children?.map((child) => child.title);
    expect(context).toEqual(['City profile', 'Stock-take of current learning provision', 'Challenges']);
  });

  it('gives each area of focus its own subsection starting with prose and an indicator table', () => {
    const keyFeatures = builtinTemplate.sections.find((section) => section.key === 'key-features');
    const children = keyFeatures?.children ?? [];
    const focusKeys = builtinTemplate.keyFeatures.areas.flatMap((area) => area.areasOfFocus.map((focus) => focus.key));
    expect(children.map((child) => child.areaOfFocusKey)).toEqual(focusKeys);
    expect(children[5]?.title).toBe('2.3 Effective learning for and in the workplace');
    for (const child of children) expect(child.blocks).toEqual([{ kind: 'prose' }, { kind: 'indicatorTable' }]);
  });

  it('starts monitoring with an indicator table and the action plan with the action plan table', () => {
    const blocksOf = (key: string) => builtinTemplate.sections.find((section) => section.key === key)?.blocks;
    expect(blocksOf('monitoring-and-evaluation')).toContainEqual({ kind: 'indicatorTable' });
    expect(blocksOf('action-plan')).toEqual([{ kind: 'actionPlanTable' }]);
  });

  it('puts sustainable development and climate action first among the thematic priorities', () => {
    expect(builtinTemplate.thematicPriorities.map((priority) => priority.title)).toEqual([
      'Sustainable development and climate action',
      'Health and well-being',
      'Equity and inclusion',
      'Literacy',
      'Entrepreneurship',
      'Global citizenship',
    ]);
  });

  it('labels every guidance question as the product’s own and gives every section some', () => {
    for (const { section } of flattenSections(builtinTemplate)) {
      expect(section.guidanceSource, section.key).toBe('product');
      expect(section.guidance.length, section.key).toBeGreaterThan(0);
    }
  });
});
