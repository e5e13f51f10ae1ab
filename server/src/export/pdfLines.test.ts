import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { SCRIPTS } from './__fixtures__/buildExportFixtures.ts';
import { registerFonts } from './pdfFonts.ts';
import { layoutLines } from './pdfLines.ts';
import type { PlacedRun } from './pdfLines.ts';
import { PdfWriter } from './pdfWriter.ts';
import { plainSpan } from './readInlines.ts';

const doc = new PDFDocument({ autoFirstPage: false });
registerFonts(doc);
const { measure } = new PdfWriter(doc);
const style = { size: 10, color: '#000' };
const words = (runs: PlacedRun[]) => runs.filter((run) => run.text.trim() !== '');
const leftToRight = (runs: PlacedRun[]) => [...words(runs)].sort((a, b) => a.x - b.x).map((run) => run.text.trim());

describe('layoutLines', () => {
  it('orders an Arabic line right to left, keeps numbers left to right, and right-aligns it', () => {
    const [line] = layoutLines([plainSpan(SCRIPTS.arabicWithDigits)], 400, style, measure);
    // Logical order is kept for drawing; on the page, the first word is rightmost.
    expect(words(line!.runs).map((run) => run.text.trim())).toEqual(['خطة', '2030', 'للمدينة', 'تشمل', '12', 'مجالا']);
    expect(leftToRight(line!.runs)).toEqual(['مجالا', '12', 'تشمل', 'للمدينة', '2030', 'خطة']);
    const last = [...line!.runs].sort((a, b) => b.x - a.x)[0]!;
    expect(last.x + last.width).toBeCloseTo(400, 0);
  });

  it('draws Arabic in the Arabic face, Chinese in the CJK face and emoji in the emoji face', () => {
    const faces = (text: string) => new Set(layoutLines([plainSpan(text)], 400, style, measure).flatMap((line) => line.runs.filter((run) => run.text.trim() !== '').map((run) => run.face)));
    expect(faces('مدينة')).toEqual(new Set(['arabic']));
    expect(faces('上海')).toEqual(new Set(['cjk']));
    expect(faces('🎉👩🏽‍🏫')).toEqual(new Set(['emoji']));
    expect(faces('Montréal')).toEqual(new Set(['latin']));
  });

  it('mirrors brackets in a right-to-left context, so they still open towards what they enclose', () => {
    const [line] = layoutLines([plainSpan('مدينة (التعلم)')], 400, style, measure);
    // Read right to left: مدينة, then the opening bracket, drawn as ")" ... "(" on the page.
    expect(leftToRight(line!.runs)).toEqual(['(', 'التعلم', ')', 'مدينة']);
  });

  it('breaks Chinese between characters and Latin text at spaces', () => {
    const chinese = layoutLines([plainSpan(SCRIPTS.chinese.repeat(6))], 120, style, measure);
    expect(chinese.length).toBeGreaterThan(3);
    const latin = layoutLines([plainSpan('alpha beta gamma delta epsilon zeta eta theta')], 80, style, measure);
    for (const line of latin) expect(line.runs.map((run) => run.text).join('')).toMatch(/^\S.*\S$|^\S+$/);
  });

  it('cuts a word wider than the line instead of overflowing', () => {
    const lines = layoutLines([plainSpan('x'.repeat(200))], 100, style, measure);
    for (const line of lines) expect(line.runs.reduce((sum, run) => sum + run.width, 0)).toBeLessThanOrEqual(100.01);
  });
});
