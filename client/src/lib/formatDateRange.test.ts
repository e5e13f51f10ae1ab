import { describe, expect, it } from 'vitest';
import { formatDateRange } from './formatDateRange.ts';

/** ICU versions differ in the spaces they use (thin, no-break, around the dash); compare without. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/\s*–\s*/g, '–');

describe('formatDateRange', () => {
  it('writes a range within one month once', () => {
    expect(plain(formatDateRange('2024-10-21', '2024-10-25'))).toBe('21–25 October 2024');
  });

  it('names both months when the range spans two', () => {
    expect(plain(formatDateRange('2024-09-30', '2024-11-29'))).toBe('30 September–29 November 2024');
  });

  it('writes a single day once', () => {
    expect(plain(formatDateRange('2024-10-21', '2024-10-21'))).toBe('21 October 2024');
  });

  it('does not move a day whatever the time zone, since dates are calendar days', () => {
    expect(plain(formatDateRange('2024-01-01', '2024-01-01'))).toBe('1 January 2024');
  });

  it('shows input it cannot read as it came', () => {
    expect(formatDateRange('soon', 'later')).toBe('soon – later');
  });
});
