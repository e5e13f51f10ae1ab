import type { Block, Inline } from './exportModel.ts';
import { headingPrefix } from './exportModel.ts';
import { layoutLines } from './pdfLines.ts';
import type { TextStyle } from './pdfLines.ts';
import { drawTable } from './pdfTable.ts';
import { PAGE, TEXT } from './pdfWriter.ts';
import type { Decoration, PdfWriter } from './pdfWriter.ts';
import { inlineText, plainSpan } from './readInlines.ts';

const HEADING_SIZES = [17, 14, 12.5, 11.5, 11, 10.5];

/** Where a block is drawn: its left edge and the decorations of the blocks it sits in. */
export interface BlockContext {
  x: number;
  decorations: Decoration[];
  /** Text style overrides inside quotes and table header cells. */
  style?: Partial<TextStyle>;
}

function rightEdge(): number {
  return PAGE.width - PAGE.right;
}

/** Lays out and draws a paragraph; `marker` (a bullet or number) hangs left of its first line. */
export function drawParagraph(writer: PdfWriter, inlines: readonly Inline[], context: BlockContext, style: TextStyle, spaceAfter: number, marker?: string): void {
  const lines = layoutLines(inlines, rightEdge() - context.x - (context.decorations.some((d) => d.fill) ? 6 : 0), style, writer.measure);
  lines.forEach((line, index) => {
    writer.drawLine(line, context.x, context.decorations);
    if (index === 0 && marker) writer.drawFixed(marker, 'latin', style.size, style.color, writer.y - line.height + line.ascent, 'right', context.x - 20, 15);
  });
  writer.y += spaceAfter;
}

function drawHeading(writer: PdfWriter, block: Extract<Block, { type: 'heading' }>, context: BlockContext): void {
  const size = HEADING_SIZES[Math.min(block.level, HEADING_SIZES.length) - 1]!;
  const style: TextStyle = { size, color: TEXT.accent, bold: true };
  const inlines = [plainSpan(headingPrefix(block)), ...block.inlines];
  const lines = layoutLines(inlines, rightEdge() - context.x, style, writer.measure);
  writer.y += writer.atTop ? 0 : size * 0.7;
  // Keep the heading with the first lines that follow it.
  writer.ensureSpace(lines.reduce((sum, line) => sum + line.height, 0) + TEXT.size * 4.5);
  writer.markHeading(block.level, headingPrefix(block) + inlineText(block.inlines), block.id, block.inToc);
  for (const line of lines) writer.drawLine(line, context.x, context.decorations);
  writer.y += size * 0.35;
}

function drawList(writer: PdfWriter, block: Extract<Block, { type: 'list' }>, context: BlockContext): void {
  const inner: BlockContext = { ...context, x: context.x + 22 };
  block.items.forEach((item, index) => {
    const marker = block.ordered ? `${block.start + index}.` : '•';
    const [first, ...rest] = item;
    if (first?.type === 'paragraph') drawParagraph(writer, first.inlines, inner, { size: TEXT.size, color: TEXT.color, ...context.style }, 3, marker);
    else drawParagraph(writer, [], inner, { size: TEXT.size, color: TEXT.color }, 0, marker);
    drawBlocks(writer, first?.type === 'paragraph' ? rest : item, inner);
  });
  writer.y += 3;
}

function drawBlock(writer: PdfWriter, block: Block, context: BlockContext): void {
  const body: TextStyle = { size: TEXT.size, color: TEXT.color, ...context.style };
  switch (block.type) {
    case 'heading':
      return drawHeading(writer, block, context);
    case 'paragraph':
      return drawParagraph(writer, block.inlines, context, body, 6);
    case 'list':
      return drawList(writer, block, context);
    case 'table':
      return drawTable(writer, block, context);
    case 'quote':
      drawBlocks(writer, block.blocks, { x: context.x + 14, decorations: [...context.decorations, { x: context.x, bar: '#9aa4b1' }], style: { ...context.style, italic: true, color: '#3d4450' } });
      return;
    case 'code': {
      const inlines: Inline[] = block.text.split('\n').flatMap((line, index) => [...(index > 0 ? [{ kind: 'break' as const }] : []), plainSpan(line, { code: true })]);
      drawParagraph(writer, inlines, { x: context.x + 6, decorations: [...context.decorations, { x: context.x, fill: '#f3f4f6' }] }, { size: 9, color: TEXT.color, codeColor: TEXT.color, preserveSpaces: true }, 8);
      return;
    }
    case 'rule':
      writer.ensureSpace(12);
      writer.doc.moveTo(context.x, writer.y + 6).lineTo(rightEdge(), writer.y + 6).lineWidth(0.8).strokeColor('#9aa4b1').stroke();
      writer.y += 12;
      return;
    case 'guidance': {
      const note: BlockContext = { x: context.x + 10, decorations: [...context.decorations, { x: context.x, fill: '#fff8e1', bar: '#e0a800' }] };
      const style: TextStyle = { size: 9.5, color: '#5c4400' };
      drawParagraph(writer, [plainSpan(block.label, { bold: true })], note, style, 0);
      for (const question of block.questions) drawParagraph(writer, [plainSpan(`•\u00a0${question}`)], note, style, 0);
      writer.y += 8;
      return;
    }
    case 'pageBreak':
      if (!writer.atTop) writer.newPage();
      return;
  }
}

/** Draws blocks in order from the cursor, breaking pages as they fill. */
export function drawBlocks(writer: PdfWriter, blocks: readonly Block[], context: BlockContext = { x: PAGE.left, decorations: [] }): void {
  for (const block of blocks) drawBlock(writer, block, context);
}
