import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type PDFDocument from 'pdfkit';

/**
 * The fonts the PDF export embeds, all shipped inside npm packages so a fresh `pnpm install` is
 * enough (no system fonts, no Chromium): Noto Sans for Latin, Greek and Cyrillic, Noto Naskh Arabic,
 * Noto Sans SC (simplified Chinese, also most Japanese kanji and kana), monochrome Noto Emoji, and
 * PDF's built-in Courier for code. Only the glyphs used are embedded (pdfkit subsets).
 */
export type FontFamily = 'latin' | 'arabic' | 'cjk' | 'emoji' | 'mono';

/** Bold and italic as the editor's marks ask; a family without that face uses the nearest one. */
export interface FontStyle {
  bold: boolean;
  italic: boolean;
}

const require = createRequire(import.meta.url);

// The font packages export only a JS index, so their files are found next to it.
function fontDir(pkg: string, up: string): string {
  return join(dirname(require.resolve(pkg)), up);
}

function fontFiles(): Record<string, string> {
  const latin = fontDir('@embedpdf/fonts-latin', '../fonts');
  const arabic = fontDir('@embedpdf/fonts-arabic', '../fonts');
  const cjk = fontDir('@embedpdf/fonts-sc', '../fonts');
  const emoji = fontDir('@expo-google-fonts/noto-emoji', '400Regular');
  return {
    latin: join(latin, 'NotoSans-Regular.ttf'),
    'latin-bold': join(latin, 'NotoSans-Bold.ttf'),
    'latin-italic': join(latin, 'NotoSans-Italic.ttf'),
    'latin-bolditalic': join(latin, 'NotoSans-BoldItalic.ttf'),
    arabic: join(arabic, 'NotoNaskhArabic-Regular.ttf'),
    'arabic-bold': join(arabic, 'NotoNaskhArabic-Bold.ttf'),
    cjk: join(cjk, 'NotoSansHans-Regular.otf'),
    'cjk-bold': join(cjk, 'NotoSansHans-Bold.otf'),
    emoji: join(emoji, 'NotoEmoji_400Regular.ttf'),
  };
}

let files: Record<string, string> | undefined;
const coverage = new Map<string, fontkit.Font>();

function filesOnce(): Record<string, string> {
  files ??= fontFiles();
  return files;
}

/** Registers every face with a document under the names `faceName` returns. */
export function registerFonts(doc: PDFKit.PDFDocument | InstanceType<typeof PDFDocument>): void {
  for (const [name, path] of Object.entries(filesOnce())) doc.registerFont(name, path);
}

/** The registered face of a family in a style, e.g. "latin-bolditalic", "arabic-bold", "Courier". */
export function faceName(family: FontFamily, style: FontStyle): string {
  if (family === 'mono') return style.bold ? 'Courier-Bold' : 'Courier';
  if (family === 'latin') return style.bold ? (style.italic ? 'latin-bolditalic' : 'latin-bold') : style.italic ? 'latin-italic' : 'latin';
  if (family === 'emoji') return 'emoji';
  return style.bold ? `${family}-bold` : family;
}

/** Whether the face stands in for an italic it does not have (drawn slanted instead). */
export function needsOblique(family: FontFamily, style: FontStyle): boolean {
  return style.italic && (family === 'arabic' || family === 'cjk' || family === 'emoji');
}

function fontOf(family: 'latin' | 'arabic' | 'cjk' | 'emoji'): fontkit.Font {
  let font = coverage.get(family);
  if (!font) {
    font = fontkit.openSync(filesOnce()[family]!) as fontkit.Font;
    coverage.set(family, font);
  }
  return font;
}

const FALLBACK = ['latin', 'arabic', 'cjk', 'emoji'] as const;
// Courier is a standard PDF font with WinAnsi encoding only: printable ASCII and Latin-1.
const MONO_CHARS = /^[\x20-\x7e\u00a0-\u00ff]$/;
const familyCache = new Map<number, FontFamily>();

/**
 * The family that draws a character: the first of Latin, Arabic, CJK and emoji that has a glyph for
 * it (so digits and punctuation stay in the Latin face), or Latin when none has, which prints the
 * font's "missing glyph" box rather than dropping the character silently.
 */
export function familyFor(char: string, code: boolean): FontFamily {
  if (code && MONO_CHARS.test(char)) return 'mono';
  const point = char.codePointAt(0)!;
  let family = familyCache.get(point);
  if (family === undefined) {
    family = FALLBACK.find((candidate) => fontOf(candidate).hasGlyphForCodePoint(point)) ?? 'latin';
    familyCache.set(point, family);
  }
  return family;
}
