import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Selection } from '@tiptap/pm/state';
import { findSection, SECTION_NODE, SECTION_TITLE_NODE } from '@lcs/shared';

function firstContentPos(doc: ProseMirrorNode, section: ProseMirrorNode, pos: number): number | null {
  let offset = pos + 1;
  for (let index = 0; index < section.childCount; index++) {
    const child = section.child(index);
    if (child.type.name === SECTION_TITLE_NODE) {
      offset += child.nodeSize;
      continue;
    }
    // A section whose text all lives in subsections (e.g. "Context and situation analysis").
    if (child.type.name === SECTION_NODE) return firstContentPos(doc, child, offset);
    // The first text position of the block: inside a paragraph, a list item or a table's first cell.
    return Selection.findFrom(doc.resolve(offset), 1, true)?.from ?? null;
  }
  return null;
}

/**
 * Where the cursor goes when someone jumps to the section with this key: the start of its first
 * block of content, never its title (which is not for typing); when the section has no content of
 * its own, the start of its first subsection's. Null when there is no such section or nowhere to type.
 */
export function sectionContentStart(doc: ProseMirrorNode, key: string): number | null {
  const found = findSection(doc, key);
  return found ? firstContentPos(doc, found.node, found.pos) : null;
}
