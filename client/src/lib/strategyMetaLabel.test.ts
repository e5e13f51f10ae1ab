import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '@lcs/shared';
import { strategyMetaLabel } from './strategyMetaLabel.ts';

describe('the strategy’s origin line', () => {
  it('names the template, its edition and the city', () => {
    expect(strategyMetaLabel({ templateId: builtinTemplate.id, templateVersion: 1, city: 'Surabaya' }, builtinTemplate)).toBe(
      'Learning city strategy template, edition 1 · Surabaya',
    );
  });

  it('leaves out a city that was not given', () => {
    expect(strategyMetaLabel({ templateId: builtinTemplate.id, templateVersion: 2, city: null }, builtinTemplate)).toBe('Learning city strategy template, edition 2');
  });

  it('falls back to the template id when the template is not known here', () => {
    expect(strategyMetaLabel({ templateId: 'cork-plan', templateVersion: 3, city: 'Cork' }, null)).toBe('cork-plan template, edition 3 · Cork');
  });

  it('is absent for a document made without a template', () => {
    expect(strategyMetaLabel(null, builtinTemplate)).toBeNull();
  });
});
