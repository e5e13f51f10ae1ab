import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { isSectionStatus, SECTION_TITLE_NODE } from '@lcs/shared';
import { forEachSection } from '@lcs/shared/editor';
import type { SectionStatus } from '@lcs/shared';

/** What a section's heading needs to know about the section it heads. */
export interface SectionContext {
  key: string;
  status: SectionStatus;
  lead: string | null;
}

/** Marks, in a decoration's spec, the decoration that carries a heading's section context. */
const contextSpecKey = 'sectionContext';

/**
 * Decorations that hand each section title the key, status and lead of its section, and label each
 * section for tests.
 *
 * A title's node view cannot see its parent, and asking for its position while it is being built
 * is unreliable. A node decoration reaches it through ProseMirror's own update path instead: when a
 * status or lead changes, the decoration's attributes change, so ProseMirror updates the heading's
 * view with the new decoration (the attributes are what ProseMirror compares; the spec is what the
 * heading reads).
 */
export function sectionDecorations(doc: ProseMirrorNode): DecorationSet {
  const decorations: Decoration[] = [];
  forEachSection(doc, (section, pos) => {
    const key = String(section.attrs.key);
    decorations.push(Decoration.node(pos, pos + section.nodeSize, { 'data-testid': `section-${key}` }));
    const title = section.firstChild;
    if (title?.type.name !== SECTION_TITLE_NODE) return;
    const context: SectionContext = {
      key,
      status: isSectionStatus(section.attrs.status) ? section.attrs.status : 'not_started',
      lead: typeof section.attrs.lead === 'string' && section.attrs.lead !== '' ? section.attrs.lead : null,
    };
    const attrs = { 'data-heading-of': key, 'data-status': context.status, 'data-lead': context.lead ?? '' };
    decorations.push(Decoration.node(pos + 1, pos + 1 + title.nodeSize, attrs, { [contextSpecKey]: context }));
  });
  return DecorationSet.create(doc, decorations);
}

/** The section context among a heading view's decorations, or null before it has one. */
export function sectionContextOf(decorations: readonly Decoration[]): SectionContext | null {
  for (const decoration of decorations) {
    const context = (decoration.spec as Record<string, unknown>)[contextSpecKey];
    if (context) return context as SectionContext;
  }
  return null;
}
