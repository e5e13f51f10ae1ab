import { ExternalHyperlink, TextRun } from 'docx';
import type { ParagraphChild } from 'docx';
import type { Inline, TextSpan } from './exportModel.ts';
import { textDirection } from './textDirection.ts';

/** Monospace face for the code mark and code blocks; Word and LibreOffice both have or map it. */
export const CODE_FONT = 'Consolas';

function run(span: TextSpan, extra: { style?: string; bold?: boolean } = {}): TextRun {
  return new TextRun({
    text: span.text,
    bold: span.marks.bold || extra.bold || undefined,
    italics: span.marks.italic || undefined,
    strike: span.marks.strike || undefined,
    underline: span.marks.underline ? {} : undefined,
    font: span.marks.code ? CODE_FONT : undefined,
    // Word orders a run's characters by its rtl flag, so only runs that are right-to-left text get it:
    // digits or a Latin name inside an Arabic paragraph keep their own order.
    rightToLeft: textDirection(span.text) === 'rtl' || undefined,
    style: extra.style,
  });
}

/** Runs and hyperlinks of inline content; a hard break is a run with a line break. */
export function docxInlines(inlines: readonly Inline[], extra: { bold?: boolean } = {}): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.kind === 'break') return new TextRun({ text: '', break: 1 });
    if (!inline.href) return run(inline, extra);
    return new ExternalHyperlink({ link: inline.href, children: [run(inline, { ...extra, style: 'Hyperlink' })] });
  });
}
