/**
 * What a person typed into the link prompt, as an address: bare domains get `https://`, addresses
 * with a scheme, paths and fragments stay as they are. Returns null for an empty answer.
 * (Tiptap's Link extension still rejects unsafe schemes such as `javascript:`.)
 */
export function normalizeHref(input: string): string | null {
  const href = input.trim();
  if (!href) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('/') || href.startsWith('#')) return href;
  return `https://${href}`;
}
