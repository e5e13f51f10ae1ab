import type { PdfLine, PlacedRun } from './pdfLines.ts';

/** A4 in points, and the margins of every page; the footer sits in the bottom margin. */
export const PAGE = { width: 595.28, height: 841.89, top: 60, bottom: 66, left: 62, right: 62 };

/** Drawn beside or behind each line of a block: a quote's bar, a guidance note's shading. */
export interface Decoration {
  /** Left edge of the decoration, in points from the page's left edge. */
  x: number;
  bar?: string;
  fill?: string;
}

/** Text sizes and colours of the body. */
export const TEXT = { size: 10.5, color: '#1b1b1f', accent: '#123b63', muted: '#5a6270', rule: '#9aa4b1' };

/** A heading as the table of contents and the outline need it. */
export interface HeadingMark {
  level: number;
  label: string;
  id: string;
  /** Zero-based index of the page it starts on. */
  page: number;
  inToc: boolean;
}

/**
 * Owns the pdfkit document while blocks are written: the cursor, page breaks, drawing laid-out
 * lines, and the record of headings (named destinations for links and the TOC, and the outline
 * that PDF readers show as bookmarks). Pages are buffered so the TOC and page numbers can be
 * written once everything is laid out.
 */
export class PdfWriter {
  y = PAGE.top;
  page = 0;
  readonly headings: HeadingMark[] = [];
  private readonly outline: { level: number; item: PDFKit.PDFOutline }[] = [];

  constructor(readonly doc: PDFKit.PDFDocument) {}

  readonly measure = (face: string, size: number, text: string): number => this.doc.font(face).fontSize(size).widthOfString(text);

  get bottom(): number {
    return PAGE.height - PAGE.bottom;
  }

  get atTop(): boolean {
    return this.y <= PAGE.top + 0.01;
  }

  newPage(): void {
    this.doc.addPage();
    this.page++;
    this.y = PAGE.top;
  }

  /** Starts a new page unless `height` more points fit on this one (or the page is still empty). */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom && !this.atTop) this.newPage();
  }

  /** Records a heading at the cursor: a named destination for links, an outline entry, a TOC line. */
  markHeading(level: number, label: string, id: string, inToc: boolean): void {
    this.doc.addNamedDestination(id, 'XYZ', 0, PAGE.height - this.y + 6, null as unknown as number);
    while (this.outline.length > 0 && this.outline.at(-1)!.level >= level) this.outline.pop();
    const parent = this.outline.at(-1)?.item ?? this.doc.outline;
    this.outline.push({ level, item: parent.addItem(label) });
    this.headings.push({ level, label, id, page: this.page, inToc });
  }

  /** Draws one line with its top at the cursor and its left edge at `x`, then moves the cursor down. */
  drawLine(line: PdfLine, x: number, decorations: readonly Decoration[] = []): void {
    this.ensureSpace(line.height);
    for (const decoration of decorations) {
      if (decoration.fill) this.doc.rect(decoration.x, this.y, PAGE.width - PAGE.right - decoration.x, line.height).fill(decoration.fill);
      if (decoration.bar) this.doc.rect(decoration.x, this.y, 2.5, line.height).fill(decoration.bar);
    }
    this.drawLineAt(line, x, this.y);
    this.y += line.height;
  }

  /** Draws one line with its top at `top`, without moving the cursor (table cells). */
  drawLineAt(line: PdfLine, x: number, top: number): void {
    for (const run of line.runs) this.drawRun(run, x + run.x, top + line.ascent, line.height);
  }

  private drawRun(run: PlacedRun, x: number, baseline: number, height: number): void {
    const doc = this.doc;
    doc.font(run.face).fontSize(run.size).fillColor(run.color);
    doc.text(run.text, x, baseline, { lineBreak: false, baseline: 'alphabetic', oblique: run.oblique ? 12 : undefined });
    const rule = (offset: number) => doc.moveTo(x, baseline + offset).lineTo(x + run.width, baseline + offset).lineWidth(0.6).strokeColor(run.color).stroke();
    if (run.underline) rule(run.size * 0.15);
    if (run.strike) rule(-run.size * 0.3);
    if (run.href) doc.link(x, baseline - run.size, run.width, height, run.href);
  }

  /** Draws text in the footer or any fixed place, outside the flow (no page breaks). */
  drawFixed(text: string, face: string, size: number, color: string, y: number, align: 'center' | 'right', x = PAGE.left, width = PAGE.width - PAGE.left - PAGE.right): void {
    const textWidth = this.measure(face, size, text);
    const left = align === 'center' ? x + (width - textWidth) / 2 : x + width - textWidth;
    this.doc.fillColor(color).text(text, left, y, { lineBreak: false, baseline: 'alphabetic' });
  }
}
