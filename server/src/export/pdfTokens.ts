import type { Inline, TextSpan } from './exportModel.ts';
import { familyFor } from './pdfFonts.ts';
import type { FontFamily } from './pdfFonts.ts';

/** A stretch of one span's text in one font family and one bidi level: the unit that is drawn. */
export interface Run {
  text: string;
  family: FontFamily;
  span: TextSpan;
  /** Bidi embedding level: odd levels read right to left. */
  level: number;
}

/** What may not be split across lines: a word (one or more runs), a space, or a forced break. */
export type Token = { kind: 'word' | 'space'; runs: Run[] } | { kind: 'break' };

/** The paragraph's text with hard breaks as newlines, and the span each UTF-16 index comes from. */
export interface ParagraphText {
  text: string;
  spans: (TextSpan | null)[];
}

export function paragraphText(inlines: readonly Inline[]): ParagraphText {
  let text = '';
  const spans: (TextSpan | null)[] = [];
  for (const inline of inlines) {
    const part = inline.kind === 'text' ? inline.text : '\n';
    text += part;
    for (let index = 0; index < part.length; index++) spans.push(inline.kind === 'text' ? inline : null);
  }
  return { text, spans };
}

// Characters that belong to the one before them: combining marks, joiners, variation selectors,
// skin-tone modifiers and tag characters (emoji sequences must stay in the emoji font, in one run).
function continuesPrevious(char: string): boolean {
  const point = char.codePointAt(0)!;
  const within = (low: number, high: number) => point >= low && point <= high;
  return /^\p{M}$/u.test(char) || within(0x200c, 0x200d) || within(0xfe00, 0xfe0f) || within(0x1f3fb, 0x1f3ff) || within(0xe0020, 0xe007f);
}
// Chinese and Japanese have no spaces: a line may break between any two of these characters.
const BREAKS_AROUND = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u;
const SPACE = /^[ \t\u00a0\u2000-\u200a\u3000]$/u;

/**
 * Splits a paragraph into tokens for line breaking, each made of runs that share a span, a font
 * family and a bidi level. Breaks are allowed at spaces and around CJK characters only (no
 * hyphenation, no Unicode line-breaking classes beyond that).
 */
export function tokenize(paragraph: ParagraphText, levels: ArrayLike<number>): Token[] {
  const tokens: Token[] = [];
  let current: { kind: 'word' | 'space'; runs: Run[]; alone: boolean } | null = null;
  let lastFamily: FontFamily = 'latin';
  let index = 0;
  for (const char of paragraph.text) {
    const start = index;
    index += char.length;
    const span = paragraph.spans[start];
    if (char === '\n' || !span) {
      current = null;
      tokens.push({ kind: 'break' });
      continue;
    }
    const kind = SPACE.test(char) ? 'space' : 'word';
    const alone = BREAKS_AROUND.test(char);
    const continues = continuesPrevious(char) && current !== null;
    if (!continues && (current === null || current.kind !== kind || alone || current.alone)) {
      current = { kind, runs: [], alone };
      tokens.push(current);
    }
    const family: FontFamily = continues ? lastFamily : familyFor(char, span.marks.code);
    lastFamily = family;
    const level = levels[start] ?? 0;
    const last = current!.runs.at(-1);
    if (last && last.family === family && last.span === span && (last.level === level || continues)) last.text += char;
    else current!.runs.push({ text: char, family, span, level });
  }
  return tokens;
}
