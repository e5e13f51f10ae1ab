import { describe, expect, it } from 'vitest';
import { contrastingTextColor } from './contrastingTextColor.ts';

describe('contrastingTextColor', () => {
  it('puts white text on dark colours and dark text on light ones', () => {
    expect(contrastingTextColor('#000000')).toBe('#ffffff');
    expect(contrastingTextColor('#1971c2')).toBe('#ffffff');
    expect(contrastingTextColor('#ffffff')).toBe('#1f1f1f');
    expect(contrastingTextColor('#ffe066')).toBe('#1f1f1f');
  });

  it('falls back to dark text for anything that is not #rrggbb', () => {
    expect(contrastingTextColor('transparent')).toBe('#1f1f1f');
  });
});
