import bidiFactory from 'bidi-js';
import type { Inline } from './exportModel.ts';
import { faceName, needsOblique } from './pdfFonts.ts';
import { paragraphText, tokenize } from './pdfTokens.ts';
import type { Run, Token } from './pdfTokens.ts';
import { textDirection } from './textDirection.ts';

const bidi = bidiFactory();
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** Width of text in a registered face at a size, in points (the writer measures with pdfkit). */
export type Measure = (face: string, size: number, text: string) => number;

export interface TextStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
  /** Colour of text with the code mark (default a dark red that sets code apart). */
  codeColor?: string;
  /** Keep every space, also at the start of a line (code blocks). */
  preserveSpaces?: boolean;
}

/** A run placed on its line: `x` is its visual position from the line's left edge. */
export interface PlacedRun {
  text: string;
  face: string;
  oblique: boolean;
  size: number;
  color: string;
  x: number;
  width: number;
  href?: string;
  underline: boolean;
  strike: boolean;
}

/** One line, its runs in logical (reading) order so text extraction reads them in that order. */
export interface PdfLine {
  runs: PlacedRun[];
  height: number;
  /** Distance from the line's top to its baseline. */
  ascent: number;
}

interface Measured extends Run {
  draw: string;
  width: number;
}

// fontkit shapes and reverses Arabic itself; other right-to-left stretches (brackets, punctuation,
// emoji between Arabic words) are reversed here, by grapheme, with mirrored brackets.
function drawText(run: Run): string {
  if (run.level % 2 === 0 || RTL_LETTER.test(run.text)) return run.text;
  return [...graphemes.segment(run.text)].map(({ segment }) => bidi.getMirroredCharacter(segment) ?? segment).reverse().join('');
}

function visualOrder<T extends { level: number }>(runs: T[]): T[] {
  const order = [...runs];
  const highest = Math.max(0, ...order.map((run) => run.level));
  const lowestOdd = Math.min(...order.map((run) => run.level).filter((level) => level % 2 === 1), highest + 1);
  // Unicode bidi rule L2: from the highest level down to the lowest odd one, reverse every stretch at that level or above.
  for (let level = highest; level >= lowestOdd; level--) {
    for (let start = 0; start < order.length; start++) {
      if (order[start]!.level < level) continue;
      let end = start;
      while (end < order.length && order[end]!.level >= level) end++;
      order.splice(start, end - start, ...order.slice(start, end).reverse());
      start = end;
    }
  }
  return order;
}

/**
 * Lays out inline content in lines no wider than `maxWidth`: picks a font per character, resolves
 * bidi levels (Unicode algorithm, via bidi-js), breaks greedily at spaces and around CJK, splits a
 * word wider than the line, and places each line's runs in visual order, right-aligned when the
 * paragraph is mostly right-to-left.
 */
export function layoutLines(inlines: readonly Inline[], maxWidth: number, style: TextStyle, measure: Measure): PdfLine[] {
  const paragraph = paragraphText(inlines);
  const rtl = textDirection(paragraph.text) === 'rtl';
  const levels = bidi.getEmbeddingLevels(paragraph.text, rtl ? 'rtl' : 'ltr').levels;
  const fontStyle = (run: Run) => ({ bold: Boolean(style.bold || run.span.marks.bold), italic: Boolean(style.italic || run.span.marks.italic) });
  const measured = (run: Run): Measured => {
    const draw = drawText(run);
    return { ...run, draw, width: measure(faceName(run.family, fontStyle(run)), style.size, draw) };
  };

  const lines: Measured[][] = [[]];
  let width = 0;
  let pending: Measured[] = [];
  const place = (runs: Measured[]) => {
    const tokenWidth = runs.reduce((sum, run) => sum + run.width, 0);
    const pendingWidth = pending.reduce((sum, run) => sum + run.width, 0);
    if (lines.at(-1)!.length > 0 && width + pendingWidth + tokenWidth > maxWidth) {
      lines.push([]);
      width = 0;
      pending = style.preserveSpaces ? pending : [];
    }
    lines.at(-1)!.push(...pending, ...runs);
    width += pending.reduce((sum, run) => sum + run.width, 0) + tokenWidth;
    pending = [];
  };
  for (const token of tokenize(paragraph, levels)) {
    if (token.kind === 'break') {
      lines.push([]);
      width = 0;
      pending = [];
    } else if (token.kind === 'space') {
      if (lines.at(-1)!.length > 0 || style.preserveSpaces) pending.push(...token.runs.map(measured));
    } else {
      for (const piece of splitWide(token, maxWidth, measured)) place(piece);
    }
  }

  const height = style.size * (lines.some((line) => line.some((run) => run.family === 'arabic')) ? 1.75 : 1.45);
  return lines.map((line) => {
    const placed = new Map<Measured, number>();
    let x = 0;
    for (const run of visualOrder(line)) {
      placed.set(run, x);
      x += run.width;
    }
    const offset = rtl ? Math.max(0, maxWidth - x) : 0;
    return { height, ascent: height * 0.72, runs: mergeRuns(line.map((run) => placeRun(run, offset + placed.get(run)!, style, fontStyle(run)))) };
  });
}

function placeRun(run: Measured, x: number, style: TextStyle, font: { bold: boolean; italic: boolean }): PlacedRun & { level: number } {
  return {
    text: run.draw,
    face: faceName(run.family, font),
    oblique: needsOblique(run.family, font),
    size: style.size,
    color: run.span.marks.code ? (style.codeColor ?? '#8a1538') : style.color,
    x,
    width: run.width,
    href: run.span.href,
    underline: run.span.marks.underline || run.span.href !== undefined,
    strike: run.span.marks.strike,
    level: run.level,
  };
}

// Neighbouring left-to-right runs that look alike are drawn as one: a Latin line is then one or a
// few text operations instead of one per word. Right-to-left runs stay one per word, drawn in
// reading order, which is what lets text extraction give Arabic back in logical order.
function mergeRuns(runs: (PlacedRun & { level: number })[]): PlacedRun[] {
  const merged: (PlacedRun & { level: number })[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    const same = last && last.level % 2 === 0 && run.level % 2 === 0 && last.face === run.face && last.oblique === run.oblique && last.color === run.color;
    if (same && last.href === run.href && last.underline === run.underline && last.strike === run.strike && Math.abs(last.x + last.width - run.x) < 0.01) {
      last.text += run.text;
      last.width += run.width;
    } else {
      merged.push({ ...run });
    }
  }
  return merged.map(({ level: _level, ...run }) => run);
}

/** A word wider than the line is cut between characters, each part as wide as the line allows. */
function splitWide(token: Extract<Token, { runs: Run[] }>, maxWidth: number, measured: (run: Run) => Measured): Measured[][] {
  const runs = token.runs.map(measured);
  if (runs.reduce((sum, run) => sum + run.width, 0) <= maxWidth) return [runs];
  const parts: Measured[][] = [[]];
  let width = 0;
  for (const run of token.runs) {
    for (const { segment } of graphemes.segment(run.text)) {
      const piece = measured({ ...run, text: segment });
      if (width + piece.width > maxWidth && parts.at(-1)!.length > 0) {
        parts.push([]);
        width = 0;
      }
      parts.at(-1)!.push(piece);
      width += piece.width;
    }
  }
  return parts;
}
