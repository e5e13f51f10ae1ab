import { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, TableOfContents, TextRun } from 'docx';
import type { IParagraphStyleOptions } from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import type { ExportModel } from './exportModel.ts';
import { docxBlocks } from './docxBlocks.ts';
import { CODE_FONT } from './docxInline.ts';
import { docxLists } from './docxLists.ts';
import { textDirection } from './textDirection.ts';

const A4 = { width: 11906, height: 16838 };
const MARGIN = 1440;
const ACCENT = '123B63';

// Latin text in Calibri; Arabic ("complex script") and Chinese get faces that hold their letters,
// since Word picks the face by script from these slots, not by falling back per character.
const FONT = { ascii: 'Calibri', hAnsi: 'Calibri', cs: 'Arial', eastAsia: 'Microsoft YaHei' };

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  { id: 'BlockQuote', name: 'Block Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { italics: true, color: '3D4450' }, paragraph: { indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: '9AA4B1', space: 8 } } } },
  { id: 'CodeBlock', name: 'Code Block', basedOn: 'Normal', next: 'Normal', run: { font: CODE_FONT, size: 19 }, paragraph: { spacing: { before: 0, after: 0 }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F3F4F6' } } },
  { id: 'Guidance', name: 'Guidance Note', basedOn: 'Normal', next: 'Normal', run: { size: 20, color: '5C4400' }, paragraph: { spacing: { before: 0, after: 60 }, indent: { left: 240 }, shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFF8E1' }, border: { left: { style: BorderStyle.SINGLE, size: 18, color: 'E0A800', space: 8 } } } },
  { id: 'CoverLine', name: 'Cover Line', basedOn: 'Normal', next: 'Normal', run: { size: 26 }, paragraph: { spacing: { after: 120 } } },
  { id: 'ContentsTitle', name: 'Contents Title', basedOn: 'Normal', next: 'Normal', run: { size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { after: 240 } } },
];

const heading = (size: number) => ({ run: { size, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } });

function cover(model: ExportModel): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 2400 } }),
    new Paragraph({ heading: HeadingLevel.TITLE, bidirectional: textDirection(model.title) === 'rtl' || undefined, children: [new TextRun(model.title)] }),
    ...model.cover.map(
      (line) =>
        new Paragraph({
          style: 'CoverLine',
          bidirectional: textDirection(line.value) === 'rtl' || undefined,
          children: [new TextRun({ text: `${line.label}: `, bold: true }), new TextRun({ text: line.value, rightToLeft: textDirection(line.value) === 'rtl' || undefined })],
        }),
    ),
  ];
}

/**
 * A Word document of the strategy: a cover page and a table of contents (its own section, without
 * page numbers), then the body with real Heading 1-6 styles (Word's navigation pane and outline
 * work), lists, tables whose header rows repeat on each page, and "Page n of m" in the footer.
 * The table of contents is written filled in, with page numbers estimated by `docx`'s own layout,
 * so it reads right before Word updates its fields (Word still recomputes them on update).
 */
export async function toDocx(model: ExportModel): Promise<Buffer> {
  const lists = docxLists();
  const body = docxBlocks(model.blocks, lists);
  const page = { size: A4, margin: { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN } };
  const document = new Document({
    creator: 'Learning City Studio',
    title: model.title,
    subject: model.subject,
    description: model.cover.map((line) => `${line.label}: ${line.value}`).join('; '),
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { after: 120 } } },
        title: { run: { size: 56, bold: true, color: ACCENT }, paragraph: { spacing: { after: 480 } } },
        heading1: heading(32),
        heading2: heading(28),
        heading3: heading(25),
        heading4: heading(23),
        heading5: heading(22),
        heading6: heading(22),
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    numbering: { config: lists.config() },
    // Guessing past what it cannot measure exactly (Arabic and Chinese text) beats blank page numbers.
    pageNumbers: estimatePageNumbersWith({ guess: true }),
    sections: [
      {
        properties: { page },
        children: [
          ...cover(model),
          new Paragraph({ style: 'ContentsTitle', pageBreakBefore: true, children: [new TextRun('Contents')] }),
          new TableOfContents('Contents', { hyperlink: true, headingStyleRange: '1-2' }),
        ],
      },
      {
        properties: { page: { ...page, pageNumbers: { start: 1 } } },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES_IN_SECTION], size: 18, color: '5A6270' })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}
