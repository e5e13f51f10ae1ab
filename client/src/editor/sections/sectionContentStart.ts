import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { findSection } from '@lcs/shared/editor';
import { textPosOutsideTitles } from './textPosOutsideTitles.ts';

/**
 * Where the cursor goes when someone jumps to the section with this key: the start of its first
 * block of content, never its title (which is not for typing); when the section has no content of
 * its own, the start of its first subsection's. Null when there is no such section.
 */
export function sectionContentStart(doc: ProseMirrorNode, key: string): number | null {
  const found = findSection(doc, key);
  return found ? textPosOutsideTitles(doc, found.pos + 1, 1) : null;
}
