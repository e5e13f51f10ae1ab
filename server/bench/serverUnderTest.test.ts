import { describe, expect, it } from 'vitest';
import { columnLabel, parseVariant } from './serverUnderTest.ts';

describe('parseVariant', () => {
  it('reads KEY=VALUE pairs, a value keeping its own = signs, and names the column after them', () => {
    const variant = parseVariant('  NODE_OPTIONS=--max-semi-space-size=64   COMPACT_AFTER_UPDATES=50 ');
    expect(variant.env).toEqual({ NODE_OPTIONS: '--max-semi-space-size=64', COMPACT_AFTER_UPDATES: '50' });
    expect(columnLabel({ mode: 'postgres', variant })).toBe('ours (Postgres+Redis) [NODE_OPTIONS=--max-semi-space-size=64 COMPACT_AFTER_UPDATES=50]');
    expect(columnLabel({ mode: 'reference' })).toBe('reference');
  });

  it('refuses text that is not KEY=VALUE pairs', () => {
    expect(() => parseVariant('')).toThrow(/at least one KEY=VALUE/);
    expect(() => parseVariant('FAST')).toThrow(/not KEY=VALUE: FAST/);
    expect(() => parseVariant('1X=2')).toThrow(/not KEY=VALUE: 1X=2/);
  });
});
