import { BorderStyle, HeadingLevel, PageBreak, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Block, Inline, TableBlock } from './exportModel.ts';
import { headingPrefix } from './exportModel.ts';
import { docxInlines } from './docxInline.ts';
import { docxLists } from './docxLists.ts';
import type { DocxLists } from './docxLists.ts';
import { inlineText, plainSpan } from './readInlines.ts';
import { textDirection } from './textDirection.ts';

/** Width of the text column of an A4 page with the margins `toDocx` sets, in twentieths of a point. */
export const CONTENT_WIDTH_TWIPS = 9026;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

type DocxBlock = Paragraph | Table;

interface Context {
  lists: DocxLists;
  /** Nesting depth of the list being written, -1 outside lists. */
  listLevel: number;
  /** The current list's numbering, for the first paragraph of each item. */
  listItem: { reference: string; instance: number } | null;
  /** Style of paragraphs inside a quote, or undefined. */
  style?: string;
  bold?: boolean;
}

// A paragraph whose letters are mostly right-to-left is laid out right to left (Word's "bidi").
function isRtl(inlines: readonly Inline[]): boolean {
  return textDirection(inlineText(inlines)) === 'rtl';
}

function paragraph(inlines: readonly Inline[], context: Context): Paragraph {
  const item = context.listItem;
  context.listItem = null; // only an item's first paragraph carries its bullet or number
  return new Paragraph({
    children: docxInlines(inlines, { bold: context.bold }),
    style: context.style,
    bidirectional: isRtl(inlines) || undefined,
    numbering: item ? { reference: item.reference, level: context.listLevel, instance: item.instance } : undefined,
    indent: !item && context.listLevel >= 0 ? { left: 720 * (context.listLevel + 1) } : undefined,
  });
}

function table(block: TableBlock, context: Context): Table {
  const width = Math.max(block.columnCount, 1);
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: Array.from({ length: width }, () => Math.floor(CONTENT_WIDTH_TWIPS / width)),
    rows: block.rows.map((cells, rowIndex) => {
      const header = rowIndex < block.headerRows;
      const padded = [...cells, ...Array.from({ length: width - cells.length }, () => ({ header, blocks: [] as Block[] }))];
      return new TableRow({
        // Header rows repeat at the top of every page the table runs onto; rows never split in two.
        tableHeader: header || undefined,
        cantSplit: true,
        children: padded.map((cell) => {
          const cellContext: Context = { ...context, listLevel: -1, listItem: null, style: undefined, bold: header || cell.header };
          const children = cell.blocks.flatMap((inner) => docxBlock(inner, cellContext));
          return new TableCell({
            children: children.length > 0 ? children : [new Paragraph({})],
            shading: header || cell.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8EEF5' } : undefined,
          });
        }),
      });
    }),
  });
}

function docxBlock(block: Block, context: Context): DocxBlock[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[Math.min(block.level, HEADINGS.length) - 1],
          children: docxInlines([plainSpan(headingPrefix(block)), ...block.inlines]),
          bidirectional: isRtl(block.inlines) || undefined,
        }),
      ];
    case 'paragraph':
      return [paragraph(block.inlines, context)];
    case 'list': {
      const reference = context.lists.reference(block.ordered, block.start);
      const instance = context.lists.instance();
      const level = context.listLevel + 1;
      return block.items.flatMap((item) => {
        const itemContext: Context = { ...context, listLevel: level, listItem: { reference, instance } };
        const blocks = item.flatMap((inner) => docxBlock(inner, itemContext));
        // An item that starts with a nested list or is empty still shows its marker.
        return itemContext.listItem ? [paragraph([], itemContext), ...blocks] : blocks;
      });
    }
    case 'table':
      return [table(block, context)];
    case 'quote':
      return block.blocks.flatMap((inner) => docxBlock(inner, { ...context, style: 'BlockQuote' }));
    case 'code':
      return block.text.split('\n').map((line) => new Paragraph({ style: 'CodeBlock', children: [new TextRun(line)] }));
    case 'rule':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '9AA4B1', space: 1 } } })];
    case 'guidance':
      return [
        new Paragraph({ style: 'Guidance', children: [new TextRun({ text: block.label, bold: true })] }),
        ...block.questions.map((question) => new Paragraph({ style: 'Guidance', children: [new TextRun(`•\u00a0${question}`)] })),
      ];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

/** Word paragraphs and tables for the body blocks; `lists` collects the numbering they use. */
export function docxBlocks(blocks: readonly Block[], lists: DocxLists = docxLists()): DocxBlock[] {
  const context: Context = { lists, listLevel: -1, listItem: null };
  return blocks.flatMap((block) => docxBlock(block, context));
}
