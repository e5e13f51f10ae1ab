/** Caret and comment colours: distinct, readable with white text, friendly to common colour blindness. */
const palette = ['#1d4ed8', '#b91c1c', '#047857', '#7c3aed', '#c2410c', '#0e7490', '#be185d', '#4d7c0f', '#a16207', '#4338ca'];

/** A stable colour for a new person, derived from their name (they can change it later). */
export function personColor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return palette[h % palette.length]!;
}
