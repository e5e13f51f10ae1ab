import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '@lcs/shared';
import { sectionGuidance } from './sectionGuidance.ts';
import { templateForMeta } from './templateForMeta.ts';

describe('guidance for a section', () => {
  it('lists the template’s own questions for a top-level section, credited to the product', () => {
    const guidance = sectionGuidance(builtinTemplate, 'vision-and-motivation');
    expect(guidance?.source).toBe('product');
    expect(guidance?.questions[0]).toMatch(/ten years/);
  });

  it('finds subsections too', () => {
    expect(sectionGuidance(builtinTemplate, 'focus-sustainable-development')?.questions).toHaveLength(4);
  });

  it('is absent for a key the template does not know, or without a template', () => {
    expect(sectionGuidance(builtinTemplate, 'no-such-section')).toBeNull();
    expect(sectionGuidance(null, 'vision-and-motivation')).toBeNull();
  });
});

describe('the template of a strategy', () => {
  it('is the built-in template for a strategy made from it, whatever the edition', () => {
    expect(templateForMeta({ templateId: builtinTemplate.id, templateVersion: 1, city: null })).toBe(builtinTemplate);
    expect(templateForMeta({ templateId: builtinTemplate.id, templateVersion: 7, city: 'Cork' })).toBe(builtinTemplate);
  });

  it('is unknown for an uploaded template and for a document made without one', () => {
    expect(templateForMeta({ templateId: 'my-upload', templateVersion: 1, city: null })).toBeNull();
    expect(templateForMeta(null)).toBeNull();
  });
});
