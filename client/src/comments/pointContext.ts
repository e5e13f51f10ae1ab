import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

/** The words on either side of a point, to show where a suggested insertion goes. */
export interface PointContext {
  before: string;
  after: string;
}

/**
 * The text of the point's paragraph before and after `pos`, each cut to about `maxChars` at a word
 * boundary (with "…" where it was cut). A read-only editor shows no caret, so the new-suggestion card
 * shows this instead: the person sees exactly where their text would go.
 */
export function pointContext(doc: ProseMirrorNode, pos: number, maxChars = 40): PointContext {
  const $pos = doc.resolve(pos);
  const { parent, parentOffset } = $pos;
  let before = parent.textBetween(0, parentOffset, ' ', ' ');
  let after = parent.textBetween(parentOffset, parent.content.size, ' ', ' ');
  if (before.length > maxChars) {
    const cut = before.slice(-maxChars);
    const space = cut.indexOf(' ');
    before = `…${space >= 0 && space < cut.length - 1 ? cut.slice(space + 1) : cut}`;
  }
  if (after.length > maxChars) {
    const cut = after.slice(0, maxChars);
    const space = cut.lastIndexOf(' ');
    after = `${space > 0 ? cut.slice(0, space) : cut}…`;
  }
  return { before, after };
}
