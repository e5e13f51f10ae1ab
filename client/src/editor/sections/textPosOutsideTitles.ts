import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Selection } from '@tiptap/pm/state';
import { SECTION_TITLE_NODE } from '@lcs/shared';

/**
 * The nearest position where text can be typed, searching from `from` in direction `dir`, that is
 * not inside a section title (titles are shown, not typed into). Null when there is none that way.
 */
export function textPosOutsideTitles(doc: ProseMirrorNode, from: number, dir: 1 | -1): number | null {
  let $pos = doc.resolve(from);
  for (;;) {
    const found = Selection.findFrom($pos, dir, true);
    if (!found) return null;
    const { $head } = found;
    if ($head.parent.type.name !== SECTION_TITLE_NODE) return found.head;
    $pos = doc.resolve(dir > 0 ? $head.after() : $head.before());
  }
}
