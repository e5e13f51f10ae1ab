import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinTemplate } from '@lcs/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCraftedStrategy, buildPlainDocument, CRAFTED_COMMENTS, CRAFTED_META, SCRIPTS, section, table } from './__fixtures__/buildExportFixtures.ts';
import { expectedTexts, firstOutOfOrder, requireTool, run } from './__fixtures__/consumers.ts';
import { toExportModel } from './toExportModel.ts';
import { toPdf } from './toPdf.ts';

const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeGuidance: true, comments: CRAFTED_COMMENTS });

// pdftotext -raw gives text in drawing order, which the PDF keeps logical (reading order) also for
// Arabic; it breaks lines where the page does, so comparisons ignore whitespace and bidi marks.
const squeeze = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '');
// poppler reverses the two letters of the lam-alef ligature when it reorders a right-to-left word
// (لا comes out as ال): a known quirk of its extraction, not of the PDF, whose ToUnicode map says لا.
const asPopplerReads = (text: string) => text.replace(/لا/g, 'ال');

describe('toPdf, read by poppler', () => {
  let dir: string;
  const path = () => join(dir, 'strategy.pdf');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lcs-pdf-'));
    writeFileSync(path(), await toPdf(model));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('holds every heading and paragraph in reading order, Chinese and Arabic included', () => {
    requireTool('pdftotext', 'poppler-utils');
    const text = run('pdftotext', ['-raw', path(), '-']);
    const expected = expectedTexts(model).map(asPopplerReads);
    const first = squeeze(text).indexOf(squeeze(expected[0]!));
    const bodyStart = squeeze(text).indexOf(squeeze(expected[0]!), first + 1); // after the table of contents
    expect(bodyStart).toBeGreaterThan(first);
    expect(firstOutOfOrder(text, expected, squeeze, bodyStart)).toBeNull();
    for (const sentence of Object.values(SCRIPTS)) expect(squeeze(text)).toContain(squeeze(asPopplerReads(sentence)));
  });

  it('gives pure Arabic lines back in logical order in pdftotext’s default layout mode too', () => {
    requireTool('pdftotext', 'poppler-utils');
    expect(run('pdftotext', [path(), '-'])).toContain(SCRIPTS.arabic);
  });

  it('carries the document title in its metadata and page numbers in the footers', () => {
    requireTool('pdfinfo', 'poppler-utils');
    const info = run('pdfinfo', [path()]);
    expect(info).toMatch(new RegExp(`^Title: +${CRAFTED_META.title}$`, 'm'));
    const pages = Number(/^Pages: +(\d+)$/m.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(5);
    // Cover and table of contents are unnumbered; the body counts from 1.
    expect(run('pdftotext', [path(), '-'])).toContain(`Page 1 of ${pages - 2}`);
  });

  it('has a bookmark for every section, nested like the outline', () => {
    requireTool('pdftohtml', 'poppler-utils');
    const xml = run('pdftohtml', ['-xml', '-stdout', '-i', '-q', path()]);
    const outline = xml.slice(xml.indexOf('<outline>'));
    for (const label of ['1 Vision and motivation', '2.1 City profile', '4 Action plan', 'Annex: Key Features of Learning Cities']) {
      expect(outline).toContain(`>${label}</item>`);
    }
    expect(outline).toMatch(/2 Context and situation analysis<\/item>\s*<outline>\s*<item page="\d+">2\.1 City profile/);
  });

  it('repeats a long table’s header row at the top of every page it runs onto', async () => {
    requireTool('pdftotext', 'poppler-utils');
    const rows = Array.from({ length: 120 }, (_, index) => [`Indicator ${index + 1}`, '10%', '20%', 'Survey']);
    const doc = { type: 'doc', content: [section('monitoring-and-evaluation', 'Monitoring', [table(['Measure', 'Baseline', 'Target', 'Source'], rows)])] };
    const file = join(dir, 'table.pdf');
    writeFileSync(file, await toPdf(toExportModel(doc, { title: 'Table' }, builtinTemplate, { includeAnnex: false })));
    const pages = run('pdftotext', ['-raw', file, '-']).split('\f').filter((page) => page.includes('Indicator '));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) expect(page).toMatch(/Measure Baseline Target Source/);
    expect(pages.join('')).toContain('Indicator 120');
  });

  it('exports a plain document without sections', async () => {
    requireTool('pdftotext', 'poppler-utils');
    const file = join(dir, 'plain.pdf');
    writeFileSync(file, await toPdf(toExportModel(buildPlainDocument(), { title: 'Plain' }, builtinTemplate, { includeAnnex: false })));
    expect(run('pdftotext', [file, '-'])).toContain('A plain paragraph.');
  });
});
