/**
 * The file name a `Content-Disposition` header gives (RFC 6266): the exact UTF-8 name of
 * `filename*=UTF-8''…` (RFC 5987) when present and decodable, else the plain `filename=`, else null.
 * Any folder part is dropped, as browsers do, so a name never points outside the download folder.
 */
export function contentDispositionFileName(header: string | null | undefined): string | null {
  if (!header) return null;
  const params = parseParameters(header);
  const extended = params.get('filename*');
  const decoded = extended === undefined ? null : decodeExtendedValue(extended);
  const name = decoded ?? params.get('filename') ?? null;
  if (name === null) return null;
  const base = name.split(/[/\\]/).pop()?.trim() ?? '';
  return base === '' ? null : base;
}

/** `attachment; a=b; c="d; e"` → { a: 'b', c: 'd; e' }, names lower-cased, quotes and escapes removed. */
function parseParameters(header: string): Map<string, string> {
  const params = new Map<string, string>();
  // A parameter is name=token or name="quoted string" (with \" and \\ escapes).
  const pattern = /;\s*([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of header.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    const value = match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3]!.trim();
    if (!params.has(name)) params.set(name, value);
  }
  return params;
}

/** `UTF-8'en'%E2%82%AC.pdf` → `€.pdf`; null for another charset or bad percent-encoding. */
function decodeExtendedValue(value: string): string | null {
  const match = /^([^']*)'[^']*'(.*)$/.exec(value);
  if (!match) return null;
  const charset = match[1]!.toLowerCase();
  const encoded = match[2]!;
  try {
    if (charset === 'utf-8') return decodeURIComponent(encoded);
    // ISO-8859-1 is the only other charset RFC 5987 requires: each %XX is one code point.
    if (charset === 'iso-8859-1') return encoded.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    return null;
  }
  return null;
}
