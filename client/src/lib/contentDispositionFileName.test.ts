import { describe, expect, it } from 'vitest';
import { contentDispositionFileName } from './contentDispositionFileName.ts';

describe('contentDispositionFileName', () => {
  it.each([
    ['prefers the UTF-8 name over the ASCII fallback', `attachment; filename="Sa_o Paulo.pdf"; filename*=UTF-8''S%C3%A3o%20Paulo.pdf`, 'São Paulo.pdf'],
    ['reads the UTF-8 name when it comes first', `attachment; filename*=UTF-8''%E5%8C%97%E4%BA%AC.docx; filename="_.docx"`, '北京.docx'],
    ['accepts a language tag and any case of the charset', `attachment; filename*=utf-8'ar'%D8%A7%D9%84%D8%B1%D8%A8%D8%A7%D8%B7.md`, 'الرباط.md'],
    ['reads a quoted name with escapes', String.raw`attachment; filename="say \"hi\".html"`, 'say "hi".html'],
    ['reads an unquoted name', 'attachment; filename=strategy.pdf', 'strategy.pdf'],
    ['keeps semicolons inside quotes', 'attachment; filename="a; b.pdf"', 'a; b.pdf'],
    ['matches parameter names in any case', 'attachment; FileName="x.zip"', 'x.zip'],
    ['falls back to the plain name when the UTF-8 one is malformed', `attachment; filename="x.pdf"; filename*=UTF-8''%E2%82`, 'x.pdf'],
    ['decodes ISO-8859-1 names', `attachment; filename*=ISO-8859-1''caf%E9.md`, 'café.md'],
    ['drops any folder part', 'attachment; filename="../../etc/passwd"', 'passwd'],
  ])('%s', (_title, header, expected) => {
    expect(contentDispositionFileName(header)).toBe(expected);
  });

  it('gives null when there is no usable name', () => {
    expect(contentDispositionFileName(null)).toBeNull();
    expect(contentDispositionFileName('')).toBeNull();
    expect(contentDispositionFileName('attachment')).toBeNull();
    expect(contentDispositionFileName('attachment; filename=""')).toBeNull();
    expect(contentDispositionFileName(`attachment; filename*=KOI8-R''%C1`)).toBeNull();
  });
});
