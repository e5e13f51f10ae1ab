const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;
const LETTER = /\p{L}/u;
const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function countLetters(text: string): { rtl: number; han: number; total: number } {
  let rtl = 0;
  let han = 0;
  let total = 0;
  for (const char of text) {
    if (!LETTER.test(char)) continue;
    total++;
    if (RTL_LETTER.test(char)) rtl++;
    else if (HAN.test(char)) han++;
  }
  return { rtl, han, total };
}

/**
 * 'rtl' when most letters of the text are right-to-left (Arabic, Hebrew, ...), else 'ltr'. Formats
 * that need a base direction per paragraph (DOCX, PDF) use it; a majority rather than the first
 * strong letter, because Arabic paragraphs often open with a Latin name or acronym.
 */
export function textDirection(text: string): 'rtl' | 'ltr' {
  const { rtl, total } = countLetters(text);
  return rtl > 0 && rtl * 2 > total ? 'rtl' : 'ltr';
}

/**
 * A language tag for a block written mostly in one script other than the document's, so readers
 * pick the right fonts and screen readers the right voice: 'ar' for Arabic script, 'zh' for Han.
 * null when the block has no dominant foreign script. A guess from the script alone: Persian or
 * Urdu also read as 'ar', and Japanese kanji as 'zh' unless kana dominate.
 */
export function scriptLanguage(text: string): string | null {
  const { rtl, han, total } = countLetters(text);
  if (total === 0) return null;
  if (rtl * 2 > total) return /\p{Script=Hebrew}/u.test(text) ? 'he' : 'ar';
  if (han * 2 > total) {
    if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return 'ja';
    if (/\p{Script=Hangul}/u.test(text)) return 'ko';
    return 'zh';
  }
  return null;
}
