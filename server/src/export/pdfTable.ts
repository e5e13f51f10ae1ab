import type { Block, Inline, TableBlock } from './exportModel.ts';
import { layoutLines } from './pdfLines.ts';
import type { Measure, PdfLine, TextStyle } from './pdfLines.ts';
import { PAGE, TEXT } from './pdfWriter.ts';
import type { Decoration, PdfWriter } from './pdfWriter.ts';
import { inlineText, plainSpan } from './readInlines.ts';

const PAD = 4;
const SIZE = 9.5;

/** A cell's content as paragraphs of inline text: lists get their markers, quotes and code their text. */
function cellParagraphs(blocks: readonly Block[]): Inline[][] {
  return blocks.flatMap((block): Inline[][] => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return [block.inlines];
      case 'list':
        return block.items.flatMap((item, index) => cellParagraphs(item).map((inlines, line) => (line === 0 ? [plainSpan(block.ordered ? `${block.start + index}. ` : '• '), ...inlines] : inlines)));
      case 'quote':
        return cellParagraphs(block.blocks);
      case 'code':
        return block.text.split('\n').map((line) => [plainSpan(line, { code: true })]);
      case 'guidance':
        return [[plainSpan(block.label)], ...block.questions.map((question) => [plainSpan(question)])];
      default:
        return [];
    }
  });
}

/**
 * Column widths that fit the text: each column gets at least its longest word (or an equal share
 * of what is left when even those do not fit), and the rest of the width in proportion to how
 * much text it holds on one line.
 */
function columnWidths(cells: Inline[][][][], columns: number, width: number, measure: Measure): number[] {
  // Measured in bold, as header cells are: a heading word must fit its column unbroken.
  const natural = Array.from({ length: columns }, () => 24);
  const minimum = Array.from({ length: columns }, () => 24);
  for (const row of cells) {
    row.forEach((paragraphs, column) => {
      for (const text of paragraphs.map(inlineText)) {
        natural[column] = Math.max(natural[column]!, measure('latin-bold', SIZE, text) + 2 * PAD);
        for (const word of text.split(/\s+/)) minimum[column] = Math.max(minimum[column]!, Math.min(measure('latin-bold', SIZE, word) + 2 * PAD, width / columns));
      }
    });
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  if (sum(natural) <= width) return natural.map((value) => (value * width) / sum(natural));
  if (sum(minimum) >= width) return minimum.map((value) => (value * width) / sum(minimum));
  const spare = width - sum(minimum);
  const extra = natural.map((value, index) => value - minimum[index]!);
  return minimum.map((value, index) => value + (spare * extra[index]!) / sum(extra));
}

type CellLines = { lines: PdfLine[]; header: boolean };

function rowHeight(row: CellLines[]): number {
  return Math.max(...row.map((cell) => cell.lines.reduce((sum, line) => sum + line.height, 0))) + 2 * PAD;
}

/**
 * Draws a table that breaks across pages: rows are kept whole when they fit on a page, a row taller
 * than a page is split between lines, and the header rows are drawn again at the top of every page
 * the table continues on.
 */
export function drawTable(writer: PdfWriter, table: TableBlock, context: { x: number; decorations: Decoration[] }): void {
  const columns = Math.max(table.columnCount, 1);
  const width = PAGE.width - PAGE.right - context.x;
  const cells = table.rows.map((row) => Array.from({ length: columns }, (_, index) => cellParagraphs(row[index]?.blocks ?? [])));
  const widths = columnWidths(cells, columns, width, writer.measure);
  const lefts = widths.map((_, index) => context.x + widths.slice(0, index).reduce((sum, value) => sum + value, 0));
  const laidOut: CellLines[][] = table.rows.map((row, rowIndex) =>
    cells[rowIndex]!.map((paragraphs, column) => {
      const header = rowIndex < table.headerRows || Boolean(row[column]?.header);
      const style: TextStyle = { size: SIZE, color: TEXT.color, bold: header };
      // An empty cell still has one (blank) line, so an empty row keeps the height of a line of text.
      const text = paragraphs.length > 0 ? paragraphs : [[]];
      return { header, lines: text.flatMap((inlines) => layoutLines(inlines, widths[column]! - 2 * PAD, style, writer.measure)) };
    }),
  );
  const header = laidOut.slice(0, table.headerRows);
  const headerHeight = header.reduce((sum, row) => sum + rowHeight(row), 0);

  const drawSlice = (row: CellLines[], counts: number[]) => {
    const height = Math.max(...row.map((cell, index) => cell.lines.slice(0, counts[index]).reduce((sum, line) => sum + line.height, 0))) + 2 * PAD;
    row.forEach((cell, index) => {
      if (cell.header) writer.doc.rect(lefts[index]!, writer.y, widths[index]!, height).fill('#e8eef5');
      let top = writer.y + PAD;
      for (const line of cell.lines.slice(0, counts[index])) {
        writer.drawLineAt(line, lefts[index]! + PAD, top);
        top += line.height;
      }
      writer.doc.rect(lefts[index]!, writer.y, widths[index]!, height).lineWidth(0.6).strokeColor(TEXT.rule).stroke();
    });
    writer.y += height;
  };
  const drawHeader = () => header.forEach((row) => drawSlice(row, row.map((cell) => cell.lines.length)));
  const continueOnNewPage = () => {
    writer.newPage();
    drawHeader();
  };

  writer.y += 4;
  writer.ensureSpace(headerHeight + (laidOut[table.headerRows] ? rowHeight(laidOut[table.headerRows]!) : 0));
  drawHeader();
  for (const row of laidOut.slice(table.headerRows)) {
    const fullPage = writer.bottom - PAGE.top - headerHeight;
    if (writer.y + rowHeight(row) > writer.bottom && rowHeight(row) <= fullPage) continueOnNewPage();
    const remaining = row.map((cell) => ({ ...cell, lines: [...cell.lines] }));
    let fresh = false;
    while (remaining.some((cell) => cell.lines.length > 0)) {
      const room = writer.bottom - writer.y - 2 * PAD;
      const counts = remaining.map((cell) => {
        let used = 0;
        let count = 0;
        while (count < cell.lines.length && used + cell.lines[count]!.height <= room) used += cell.lines[count++]!.height;
        // On a fresh page at least one line goes in, whatever the header rows left: never loop forever.
        return fresh && count === 0 && cell.lines.length > 0 ? 1 : count;
      });
      if (counts.every((count) => count === 0)) {
        continueOnNewPage();
        fresh = true;
        continue;
      }
      drawSlice(remaining, counts);
      remaining.forEach((cell, index) => cell.lines.splice(0, counts[index]));
      fresh = false;
      if (remaining.some((cell) => cell.lines.length > 0)) {
        continueOnNewPage();
        fresh = true;
      }
    }
  }
  writer.y += 8;
}
