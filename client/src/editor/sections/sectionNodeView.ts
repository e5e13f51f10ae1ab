import type { NodeViewRenderer } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';

function showAttributes(dom: HTMLElement, node: ProseMirrorNode): void {
  dom.dataset.status = String(node.attrs.status);
  if (node.attrs.lead) dom.dataset.lead = String(node.attrs.lead);
  else delete dom.dataset.lead;
}

/**
 * A section as the shared schema renders it (`<section data-section-key data-status data-lead>`),
 * but updated in place when its status or lead changes. Without this, ProseMirror replaces the
 * section's element on every attribute change and moves its content into the new one, and moving a
 * focused status select or lead field out of the document blurs it (and fires its blur handler in
 * the middle of the view update).
 */
export const sectionNodeView: NodeViewRenderer = ({ node }) => {
  const key = node.attrs.key;
  const dom = document.createElement('section');
  dom.dataset.sectionKey = String(key);
  showAttributes(dom, node);
  return {
    dom,
    contentDOM: dom,
    update(next) {
      // Another section (or another node) is a different element: let ProseMirror redraw it.
      if (next.type !== node.type || next.attrs.key !== key) return false;
      showAttributes(dom, next);
      return true;
    },
    // Attribute changes are ours (status, lead) or decorations'; never content to read back.
    ignoreMutation: (mutation) => mutation.type === 'attributes' && mutation.target === dom,
  };
};
