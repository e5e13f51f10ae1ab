const MAX_STEM_LENGTH = 80;

// Reserved on Windows, macOS or in HTTP headers, plus every control and format character
// (bidi overrides included, which can make "exe.pdf" display as "fdp.exe").
const UNSAFE = /[\\/:*?"<>|\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/** ASCII slug of a name, e.g. "Montréal" -> "montreal"; '' when nothing Latin is left. */
function asciiSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The name kept in its own script, for a name with no Latin letters (e.g. Arabic or Chinese). */
function unicodeSlug(text: string): string {
  return text
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
}

function slugOf(text: string): string {
  const ascii = asciiSlug(text);
  // "Dar es Salaam" is kept ASCII; "القاهرة" or "上海" would vanish, so it keeps its own letters.
  return ascii !== '' && !/[^\p{Script=Latin}\p{N}\p{P}\p{Z}\p{M}\p{S}]/u.test(text) ? ascii : unicodeSlug(text) || ascii;
}

function truncate(stem: string): string {
  const chars = [...stem];
  return chars.length <= MAX_STEM_LENGTH ? stem : chars.slice(0, MAX_STEM_LENGTH).join('').replace(/-+$/, '');
}

/**
 * A file name for an exported strategy, safe on every operating system and in a ZIP: the city and
 * title as a slug ("nairobi-learning-city-strategy.docx"). Latin names become ASCII (accents
 * dropped); names in another script keep their letters (no transliteration, which would need
 * per-language rules) with separators and reserved characters removed. Never empty, never a
 * path (no "/", "\" or ".."), never a hidden or reserved device name; at most 80 characters before
 * the extension.
 */
export function exportFileName(city: string | null | undefined, title: string, extension: string): string {
  const parts = [city ?? '', title].map(slugOf).filter((part) => part !== '');
  // The title usually names the city already ("Nairobi learning city strategy"): do not repeat it.
  if (parts.length === 2 && parts[1]!.startsWith(parts[0]!)) parts.shift();
  let stem = truncate(parts.join('-'));
  if (stem === '' || WINDOWS_RESERVED.test(stem)) stem = stem === '' ? 'strategy' : `${stem}-strategy`;
  const ext = extension.replace(/^\.+/, '').toLowerCase().replace(/[^a-z0-9]/g, '');
  return ext === '' ? stem : `${stem}.${ext}`;
}
