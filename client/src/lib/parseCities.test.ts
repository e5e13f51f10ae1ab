import { describe, expect, it } from 'vitest';
import { parseCities } from './parseCities.ts';

describe('parseCities', () => {
  it('splits on commas and trims each city', () => {
    expect(parseCities(' Nairobi,Mombasa ,  Kisumu ')).toEqual(['Nairobi', 'Mombasa', 'Kisumu']);
  });

  it('drops empty entries and repeats, keeping the first spelling', () => {
    expect(parseCities('Dakar,, dakar , Thiès,')).toEqual(['Dakar', 'Thiès']);
  });

  it('collapses inner spaces and accepts semicolons and new lines', () => {
    expect(parseCities('Ho  Chi Minh City; Hanoi\nDa Nang')).toEqual(['Ho Chi Minh City', 'Hanoi', 'Da Nang']);
  });

  it('keeps names in any script', () => {
    expect(parseCities('上海, الرباط')).toEqual(['上海', 'الرباط']);
  });

  it('returns no cities for blank input', () => {
    expect(parseCities(' , ')).toEqual([]);
  });
});
