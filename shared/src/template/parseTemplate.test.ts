import { describe, expect, it } from 'vitest';
import { buildTemplateUpload } from './buildTemplateUpload.ts';
import { parseTemplate } from './parseTemplate.ts';
import type { TemplateError } from './parseTemplate.ts';

function errorsOf(input: unknown): TemplateError[] {
  const result = parseTemplate(input);
  if (result.ok) throw new Error('expected the template to be rejected');
  return result.errors;
}

const feature = (key: string, number: string, measurements: { key: string; text: string }[] = []) => ({
  key,
  number,
  text: 'Feature text typed by a facilitator',
  measurements,
});

describe('parseTemplate', () => {
  it('accepts features with suggested measurements as data', () => {
    const upload = buildTemplateUpload({
      'keyFeatures.areas[1].areasOfFocus[2].features': [
        feature('f-2-3-1', '2.3.1', [{ key: 'm-2-3-1-a', text: 'Measurement typed by a facilitator' }]),
        feature('f-2-3-2', '2.3.2'),
      ],
    });
    const result = parseTemplate(upload);
    expect(result.ok && result.template.keyFeatures.areas[1]?.areasOfFocus[2]?.features).toHaveLength(2);
  });

  it('reports every problem of a broken upload at once, each at its exact path, and returns no template', () => {
    const result = parseTemplate(
      buildTemplateUpload({
        version: 1.5,
        language: 'not a language!',
        'sections[3].title': '',
        'sections[0].guidanceSource': undefined,
        'sections[2].titel': 'Goals',
        'sections[9].blocks[1].kind': 'chart',
        'sections[1].children[0].key': 'vision-and-motivation',
        'keyFeatures.areas[0].areasOfFocus[2].title': undefined,
        'keyFeatures.areas[1].number': '3',
      }),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        { path: 'version', message: 'must be a whole number' },
        { path: 'language', message: 'must be a BCP 47 language tag, e.g. "en" or "fr-CA"' },
        { path: 'sections[0].guidanceSource', message: 'required' },
        { path: 'sections[2].titel', message: 'unknown field' },
        { path: 'sections[3].title', message: 'required' },
        { path: 'sections[9].blocks[1].kind', message: 'kind must be "prose", "indicatorTable" or "actionPlanTable"' },
        { path: 'keyFeatures.areas[0].areasOfFocus[2].title', message: 'required' },
        { path: 'keyFeatures.areas[1].number', message: 'expected "2": numbers follow listing order' },
        { path: 'sections[1].children[0].key', message: 'duplicate key "vision-and-motivation", already used at sections[0].key' },
      ],
    });
  });

  it.each([
    { input: null, errors: [{ path: '(root)', message: 'expected object, got null' }] },
    { input: [], errors: [{ path: '(root)', message: 'expected object, got a list' }] },
    {
      input: {},
      errors: ['id', 'version', 'language', 'title', 'sections', 'keyFeatures', 'thematicPriorities'].map((path) => ({ path, message: 'required' })),
    },
  ])('rejects $input as a whole with a message at the root or per missing field', ({ input, errors }) => {
    expect(errorsOf(input)).toEqual(errors);
  });

  it.each([
    {
      rule: 'section keys are slugs',
      changes: { 'sections[0].key': 'Vision & motivation' },
      errors: [{ path: 'sections[0].key', message: 'must be a slug: lowercase letters, digits and single hyphens' }],
    },
    {
      rule: 'an areaOfFocusKey names an existing area of focus',
      changes: { 'sections[3].children[0].areaOfFocusKey': 'no-such-focus' },
      errors: [{ path: 'sections[3].children[0].areaOfFocusKey', message: 'no area of focus has the key "no-such-focus"' }],
    },
    {
      rule: 'one section per area of focus',
      changes: { 'sections[3].children[1].areaOfFocusKey': 'individual-empowerment-and-social-cohesion' },
      errors: [
        {
          path: 'sections[3].children[1].areaOfFocusKey',
          message: '"individual-empowerment-and-social-cohesion" is already treated by sections[3].children[0]',
        },
      ],
    },
    {
      rule: 'areas of focus are numbered by listing order within their area',
      changes: { 'keyFeatures.areas[2].areasOfFocus[1].number': '3.3', 'keyFeatures.areas[2].areasOfFocus[2].number': '3.2' },
      errors: [
        { path: 'keyFeatures.areas[2].areasOfFocus[1].number', message: 'expected "3.2": numbers follow listing order' },
        { path: 'keyFeatures.areas[2].areasOfFocus[2].number', message: 'expected "3.3": numbers follow listing order' },
      ],
    },
    {
      rule: 'features are numbered under their area of focus and framework keys are unique',
      changes: {
        'keyFeatures.areas[0].areasOfFocus[0].features': [feature('f-1', '1.1.1', [{ key: 'wider-benefits', text: 'x' }]), feature('f-1', '1.1.3')],
      },
      errors: [
        { path: 'keyFeatures.areas[0].areasOfFocus[0].features[0].measurements[0].key', message: 'duplicate key "wider-benefits", already used at keyFeatures.areas[0].key' },
        { path: 'keyFeatures.areas[0].areasOfFocus[0].features[1].key', message: 'duplicate key "f-1", already used at keyFeatures.areas[0].areasOfFocus[0].features[0].key' },
        { path: 'keyFeatures.areas[0].areasOfFocus[0].features[1].number', message: 'expected "1.1.2": numbers follow listing order' },
      ],
    },
    {
      rule: 'thematic priority keys are unique',
      changes: { 'thematicPriorities[1].key': 'literacy' },
      errors: [{ path: 'thematicPriorities[3].key', message: 'duplicate key "literacy", already used at thematicPriorities[1].key' }],
    },
    {
      rule: 'sections nest one level only',
      changes: { 'sections[1].children[0].children': [] },
      errors: [{ path: 'sections[1].children[0].children', message: 'a subsection cannot have subsections of its own' }],
    },
    {
      rule: 'a section without subsections has something to write in',
      changes: { 'sections[2].blocks': [] },
      errors: [{ path: 'sections[2].blocks', message: 'a section without subsections needs at least one block to write in' }],
    },
    {
      rule: 'cross-field checks still run beside malformed fields',
      changes: { version: 1.5, 'sections[0].key': '', 'thematicPriorities[1].key': 'literacy' },
      errors: [
        { path: 'version', message: 'must be a whole number' },
        { path: 'sections[0].key', message: 'required' },
        { path: 'thematicPriorities[3].key', message: 'duplicate key "literacy", already used at thematicPriorities[1].key' },
      ],
    },
    {
      rule: 'guidance is labelled as the product’s own',
      changes: { 'sections[0].guidanceSource': 'unesco' },
      errors: [{ path: 'sections[0].guidanceSource', message: 'must be "product"' }],
    },
  ])('enforces that $rule', ({ changes, errors }) => {
    expect(errorsOf(buildTemplateUpload(changes))).toEqual(errors);
  });
});
