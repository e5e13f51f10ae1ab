import { describe, expect, it } from 'vitest';
import { builtinTemplate } from './builtinTemplate.ts';
import { flattenSections } from './flattenSections.ts';

describe('flattenSections', () => {
  it('lists parents before their subsections, each subsection knowing its parent', () => {
    const flat = flattenSections(builtinTemplate).map(({ section, parentKey }) => [section.key, parentKey]);
    expect(flat.slice(0, 6)).toEqual([
      ['vision-and-motivation', null],
      ['context-and-situation-analysis', null],
      ['city-profile', 'context-and-situation-analysis'],
      ['stock-take-of-learning-provision', 'context-and-situation-analysis'],
      ['challenges', 'context-and-situation-analysis'],
      ['goals-and-priorities', null],
    ]);
    expect(flat).toHaveLength(12 + 3 + 12);
  });
});
