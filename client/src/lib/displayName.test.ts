import { describe, expect, it } from 'vitest';
import { maxDisplayNameLength, normalizeDisplayName } from './displayName.ts';

describe('display names', () => {
  it('collapse inner whitespace and lose the outer', () => {
    expect(normalizeDisplayName('  Amina \t Diallo \n')).toBe('Amina Diallo');
  });

  it('are empty when only whitespace was typed', () => {
    expect(normalizeDisplayName(' \u00a0 ')).toBe('');
  });

  it('are capped where the server caps them', () => {
    expect(maxDisplayNameLength).toBe(80);
  });
});
