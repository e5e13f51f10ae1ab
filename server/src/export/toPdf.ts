import PDFDocument from 'pdfkit';
import type { ExportModel, HeadingBlock } from './exportModel.ts';
import { headingPrefix } from './exportModel.ts';
import { drawBlocks } from './pdfBlocks.ts';
import { registerFonts } from './pdfFonts.ts';
import { layoutLines } from './pdfLines.ts';
import type { PdfLine } from './pdfLines.ts';
import { PAGE, PdfWriter, TEXT } from './pdfWriter.ts';
import { plainSpan } from './readInlines.ts';

const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const PAGE_NUMBER_WIDTH = 36;

function drawCover(writer: PdfWriter, model: ExportModel): void {
  writer.y = 220;
  for (const line of layoutLines([plainSpan(model.title)], CONTENT_WIDTH, { size: 26, color: TEXT.accent, bold: true }, writer.measure)) writer.drawLine(line, PAGE.left);
  writer.y += 28;
  for (const { label, value } of model.cover) {
    const lines = layoutLines([plainSpan(`${label}: `, { bold: true }), plainSpan(value)], CONTENT_WIDTH, { size: 13, color: TEXT.color }, writer.measure);
    for (const line of lines) writer.drawLine(line, PAGE.left);
    writer.y += 4;
  }
}

interface TocEntry {
  heading: HeadingBlock;
  lines: PdfLine[];
  indent: number;
}

/** Lays out the table of contents before the body so its pages can be set aside. */
function layoutToc(writer: PdfWriter, model: ExportModel): { entries: TocEntry[]; pages: number } {
  const entries = model.blocks
    .filter((block): block is HeadingBlock => block.type === 'heading' && block.inToc)
    .map((heading) => {
      const indent = (heading.level - 1) * 14;
      const style = { size: heading.level === 1 ? 11 : 10, color: TEXT.color, bold: heading.level === 1 };
      return { heading, indent, lines: layoutLines([plainSpan(headingPrefix(heading)), ...heading.inlines], CONTENT_WIDTH - indent - PAGE_NUMBER_WIDTH, style, writer.measure) };
    });
  let pages = entries.length > 0 ? 1 : 0;
  let y = PAGE.top + 40;
  for (const entry of entries) {
    const height = entry.lines.reduce((sum, line) => sum + line.height, 0) + 3;
    if (y + height > writer.bottom) {
      pages++;
      y = PAGE.top;
    }
    y += height;
  }
  return { entries, pages };
}

/** Fills the pages set aside for the table of contents, now that every heading has its page. */
function drawToc(writer: PdfWriter, entries: TocEntry[], firstPage: number, bodyStart: number): void {
  const pageOf = new Map(writer.headings.map((heading) => [heading.id, heading.page]));
  let page = firstPage;
  writer.doc.switchToPage(page);
  writer.drawFixed('Contents', 'latin-bold', 16, TEXT.accent, PAGE.top + 18, 'right', PAGE.left, writer.measure('latin-bold', 16, 'Contents'));
  let y = PAGE.top + 40;
  for (const entry of entries) {
    const height = entry.lines.reduce((sum, line) => sum + line.height, 0);
    if (y + height + 3 > writer.bottom) {
      writer.doc.switchToPage(++page);
      y = PAGE.top;
    }
    const top = y;
    for (const line of entry.lines) {
      writer.drawLineAt(line, PAGE.left + entry.indent, y);
      y += line.height;
    }
    const target = pageOf.get(entry.heading.id);
    if (target !== undefined) {
      const last = entry.lines.at(-1)!;
      writer.drawFixed(String(target - bodyStart + 1), 'latin', 10, TEXT.color, y - last.height + last.ascent, 'right');
      writer.doc.goTo(PAGE.left, top, CONTENT_WIDTH, y - top, entry.heading.id);
    }
    y += 3;
  }
}

function drawPageNumbers(writer: PdfWriter, bodyStart: number): void {
  const { start, count } = writer.doc.bufferedPageRange();
  for (let page = bodyStart; page < start + count; page++) {
    writer.doc.switchToPage(page);
    writer.doc.page.margins.bottom = 0;
    writer.drawFixed(`Page ${page - bodyStart + 1} of ${start + count - bodyStart}`, 'latin', 8, TEXT.muted, PAGE.height - 36, 'center');
  }
}

/**
 * A PDF of the strategy, made in pure JavaScript (pdfkit, fonts from npm): cover page, table of
 * contents with page numbers and links, the body with bookmarks (outline) for every heading,
 * tables whose header rows repeat on each page, "Page n of m" footers, and the title in the
 * document's metadata (shown as the window title).
 */
export async function toPdf(model: ExportModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
    bufferPages: true,
    displayTitle: true,
    lang: model.language,
    info: { Title: model.title, Subject: model.subject || model.title, Creator: 'Learning City Studio', Producer: 'Learning City Studio (pdfkit)' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFonts(doc);
  const writer = new PdfWriter(doc);
  drawCover(writer, model);
  const toc = layoutToc(writer, model);
  const tocStart = writer.page + 1;
  for (let page = 0; page < toc.pages; page++) writer.newPage();
  writer.newPage();
  const bodyStart = writer.page;
  drawBlocks(writer, model.blocks);
  drawToc(writer, toc.entries, tocStart, bodyStart);
  drawPageNumbers(writer, bodyStart);
  doc.end();
  return done;
}
