import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SECTION_NODE } from '@lcs/shared';

/**
 * Key of the innermost section that contains document position `pos` (a subsection before its
 * parent), or null for a position outside every section. Positions past either end are clamped,
 * since a remote caret can briefly point past the end of a document that just shrank.
 */
export function sectionKeyAt(doc: ProseMirrorNode, pos: number): string | null {
  const $pos = doc.resolve(Math.max(0, Math.min(pos, doc.content.size)));
  for (let depth = $pos.depth; depth > 0; depth--) {
    const node = $pos.node(depth);
    if (node.type.name === SECTION_NODE) return String(node.attrs.key);
  }
  return null;
}
