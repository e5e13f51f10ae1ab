import { describe, expect, it } from 'vitest';
import { normalizeHref } from './normalizeHref.ts';

describe('normalizeHref', () => {
  it('adds https to a bare domain', () => {
    expect(normalizeHref(' uil.unesco.org/learning-cities ')).toBe('https://uil.unesco.org/learning-cities');
  });

  it('keeps addresses that already say where they go', () => {
    for (const href of ['http://example.org', 'mailto:team@example.org', '/d/abc', '#vision']) {
      expect(normalizeHref(href)).toBe(href);
    }
  });

  it('treats an empty answer as "no link"', () => {
    expect(normalizeHref('   ')).toBeNull();
  });
});
