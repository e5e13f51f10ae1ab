import { describe, expect, it } from 'vitest';
import { exportFileName } from './exportFileName.ts';

describe('exportFileName', () => {
  it.each([
    ['Nairobi', 'Learning city strategy', 'docx', 'nairobi-learning-city-strategy.docx'],
    ['Montréal', 'Stratégie de la ville apprenante', 'pdf', 'montreal-strategie-de-la-ville-apprenante.pdf'],
    ['Nairobi', 'Nairobi learning city strategy', 'md', 'nairobi-learning-city-strategy.md'],
    ['القاهرة', 'Learning city strategy', 'pdf', 'القاهرة-learning-city-strategy.pdf'],
    ['上海', '学习型城市战略', 'html', '上海-学习型城市战略.html'],
    ['🎉', '🎉🎉', 'pdf', 'strategy.pdf'],
    ['../../etc', '../passwd', 'docx', 'etc-passwd.docx'],
    [null, 'Con', 'pdf', 'con-strategy.pdf'],
    ['A\u202eB', 'fdp.exe', 'pdf', 'a-b-fdp-exe.pdf'],
  ])('names %j + %j as a safe file (%s)', (city, title, ext, expected) => {
    expect(exportFileName(city, title, ext)).toBe(expected);
  });

  it('never contains path separators, reserved characters or control characters', () => {
    const name = exportFileName('a/b\\c:d*e?f"g<h>i|j\u0000k\u200fl', 'x', 'pdf');
    expect(name).not.toMatch(/[\\/:*?"<>|\p{Cc}\p{Cf}]/u);
  });

  it('limits the name before the extension to 80 characters', () => {
    const name = exportFileName('Ville', 'très '.repeat(100), 'docx');
    expect(name.endsWith('.docx')).toBe(true);
    expect([...name.replace(/\.docx$/, '')].length).toBeLessThanOrEqual(80);
  });

  it('keeps Arabic letters in Unicode normal form C, without transliterating them', () => {
    const name = exportFileName('مدينة التعلم', 'خطة', 'md');
    expect(name).toBe('مدينة-التعلم-خطة.md');
    expect(name.normalize('NFC')).toBe(name);
  });
});
