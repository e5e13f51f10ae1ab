// Scripts written without spaces between words, where each character counts as a word (as word
// processors count Chinese and Japanese). Script_Extensions also catches the prolonged sound mark ー.
const CJK = /[\p{Script_Extensions=Han}\p{Script_Extensions=Hiragana}\p{Script_Extensions=Katakana}]/gu;

// Letters, combining marks (Arabic harakat, decomposed accents) and digits; an apostrophe or a dot
// between them keeps one word ("l’éducation", "3.5"), which is how Intl.Segmenter treats them too.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.][\p{L}\p{M}\p{N}]+)*/gu;

function countToken(token: string): number {
  const cjk = token.match(CJK)?.length ?? 0;
  if (cjk === 0) return 1;
  // A mixed token such as "AI学习" is one word for its Latin part plus one per CJK character.
  return cjk + (token.replace(CJK, ' ').match(WORD)?.length ?? 0);
}

/** Word count from the regex above: the fallback where Intl.Segmenter is missing. */
export function countWordsWithRegex(text: string): number {
  let count = 0;
  for (const token of text.match(WORD) ?? []) count += countToken(token);
  return count;
}

/** Word count from Intl.Segmenter, which also splits Thai, Lao, Khmer and Burmese by dictionary. */
export function countWordsWithSegmenter(text: string, segmenter: Intl.Segmenter): number {
  let count = 0;
  for (const { segment, isWordLike } of segmenter.segment(text)) if (isWordLike) count += countToken(segment);
  return count;
}

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'word' }) : null;

/**
 * Counts words in any script: spaced scripts by word, Chinese and Japanese by character. Uses
 * Intl.Segmenter when the runtime has it (browsers, Node) and a Unicode regex otherwise; both agree
 * on spaced and CJK text, and differ only on unspaced scripts such as Thai, which need a dictionary.
 */
export function countWords(text: string): number {
  return segmenter ? countWordsWithSegmenter(text, segmenter) : countWordsWithRegex(text);
}
