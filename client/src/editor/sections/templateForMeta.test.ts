import { describe, expect, it } from 'vitest';
import { builtinTemplate } from '@lcs/shared';
import type { Template } from '@lcs/shared';
import { isShippedTemplate, templateForMeta } from './templateForMeta.ts';

const uploaded: Template = { ...builtinTemplate, id: 'coastal-cities', version: 3, title: 'Coastal cities' };

describe('templateForMeta', () => {
  it('uses a fetched template for the strategy made from it', () => {
    expect(templateForMeta({ templateId: 'coastal-cities', templateVersion: 3, city: null }, uploaded)).toBe(uploaded);
  });

  it('has nothing for an uploaded template until it is fetched', () => {
    expect(templateForMeta({ templateId: 'coastal-cities', templateVersion: 3, city: null })).toBeNull();
  });

  it('never uses a fetched template for a strategy made from another one', () => {
    expect(templateForMeta({ templateId: 'other', templateVersion: 1, city: null }, uploaded)).toBeNull();
  });

  it('stands in with the built-in template for another edition of it while that loads', () => {
    expect(templateForMeta({ templateId: builtinTemplate.id, templateVersion: builtinTemplate.version + 1, city: null })).toBe(builtinTemplate);
  });
});

describe('isShippedTemplate', () => {
  it('is true only for the exact built-in edition this app ships', () => {
    expect(isShippedTemplate({ templateId: builtinTemplate.id, templateVersion: builtinTemplate.version, city: null })).toBe(true);
    expect(isShippedTemplate({ templateId: builtinTemplate.id, templateVersion: builtinTemplate.version + 1, city: null })).toBe(false);
    expect(isShippedTemplate({ templateId: 'coastal-cities', templateVersion: builtinTemplate.version, city: null })).toBe(false);
  });
});
