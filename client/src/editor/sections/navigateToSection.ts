import type { Editor } from '@tiptap/core';
import { findSection } from '@lcs/shared/editor';
import { sectionContentStart } from './sectionContentStart.ts';

const prefersReducedMotion = () => typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Scrolls the editor to the section with this key and puts the cursor at the start of its content,
 * ready to type. False when the document has no such section.
 */
export function navigateToSection(editor: Editor, key: string): boolean {
  if (editor.isDestroyed) return false;
  const { doc } = editor.state;
  const found = findSection(doc, key);
  if (!found) return false;
  const element = editor.view.nodeDOM(found.pos);
  if (element instanceof HTMLElement) element.scrollIntoView({ block: 'start', behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
  const pos = sectionContentStart(doc, key);
  if (pos === null) return true;
  editor.commands.setTextSelection(pos);
  // Focused now, not on the next frame as the focus command does: keys pressed right after the
  // click must reach the section. ProseMirror focuses without scrolling; the section is in view.
  editor.view.focus();
  return true;
}
