import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { builtinTemplate } from '@lcs/shared';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCraftedStrategy, CRAFTED_COMMENTS, CRAFTED_META, SCRIPTS } from './__fixtures__/buildExportFixtures.ts';
import { expectedTexts, firstOutOfOrder, requireTool, run } from './__fixtures__/consumers.ts';
import { toDocx } from './toDocx.ts';
import { toExportModel } from './toExportModel.ts';

const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeGuidance: true, comments: CRAFTED_COMMENTS });
const collapse = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '').replace(/\s+/g, ' ');

describe('toDocx, opened by LibreOffice', () => {
  let dir: string;
  let docx: Buffer;
  let files: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lcs-docx-'));
    docx = await toDocx(model);
    writeFileSync(join(dir, 'strategy.docx'), docx);
    files = Object.fromEntries(Object.entries(unzipSync(new Uint8Array(docx))).map(([name, bytes]) => [name, strFromU8(bytes)]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('converts to text holding every heading and paragraph in order, in every script', () => {
    requireTool('soffice', 'libreoffice-writer-nogui');
    // A private profile, so a LibreOffice the developer has open (or a parallel test) does not get in the way.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    run('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'txt:Text', '--outdir', dir, join(dir, 'strategy.docx')]);
    const text = readFileSync(join(dir, 'strategy.txt'), 'utf8');
    const expected = expectedTexts(model);
    // The table of contents repeats the headings first: the body starts at the first heading's second appearance.
    const first = collapse(text).indexOf(collapse(expected[0]!));
    const bodyStart = collapse(text).indexOf(collapse(expected[0]!), first + 1);
    expect(bodyStart).toBeGreaterThan(first);
    expect(firstOutOfOrder(text, expected, collapse, bodyStart)).toBeNull();
    for (const sentence of Object.values(SCRIPTS)) expect(collapse(text)).toContain(collapse(sentence));
  });

  it('uses real Word heading styles, so the navigation pane lists the sections', () => {
    const xml = files['word/document.xml']!;
    const levelOne = model.blocks.filter((block) => block.type === 'heading' && block.level === 1).length;
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(levelOne);
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('<w:pStyle w:val="Heading3"/>');
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
  });

  it('has a table of contents field, repeated table header rows, lists and a page number footer', () => {
    const xml = files['word/document.xml']!;
    expect(xml).toMatch(/TOC \\[^<]*\\o &quot;1-2&quot;|TOC \\[^<]*\\o "1-2"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:numPr>');
    const footer = Object.entries(files).find(([name]) => name.startsWith('word/footer'))?.[1] ?? '';
    expect(footer).toMatch(/PAGE/);
    expect(files['docProps/core.xml']).toContain(`<dc:title>${CRAFTED_META.title}</dc:title>`);
  });

  it('marks mostly right-to-left paragraphs as bidirectional and their Arabic runs as right-to-left', () => {
    const xml = files['word/document.xml']!;
    const arabic = xml.split('</w:p>').find((paragraph) => paragraph.includes(SCRIPTS.arabic))!;
    expect(arabic).toContain('<w:bidi/>');
    expect(arabic).toContain('<w:rtl/>');
    const french = xml.split('</w:p>').find((paragraph) => paragraph.includes('Éducation tout au long'))!;
    expect(french).not.toContain('<w:bidi/>');
  });

  it('writes links as hyperlinks to their targets', () => {
    expect(files['word/document.xml']).toContain('<w:hyperlink');
    expect(files['word/_rels/document.xml.rels']).toContain('Target="https://www.uil.unesco.org/en/learning-cities"');
  });
});
