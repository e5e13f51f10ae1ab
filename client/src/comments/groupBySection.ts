import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { forEachSection, sectionTitleText } from '@lcs/shared/editor';

/** Items that lie in one section (its own text, not its subsections'), in document order. */
export interface SectionGroup<T> {
  /** The section's key; null for text outside every section. */
  key: string | null;
  title: string;
  items: T[];
}

/** The innermost section holding `pos`, or null when it lies outside every section. */
export function sectionAt(doc: ProseMirrorNode, pos: number): { key: string; title: string } | null {
  let found: { key: string; title: string } | null = null;
  forEachSection(doc, (section, start) => {
    // Parents come before their subsections, so the last section that holds `pos` is the innermost.
    if (pos > start && pos < start + section.nodeSize) found = { key: String(section.attrs.key), title: sectionTitleText(section) ?? String(section.attrs.key) };
    return undefined;
  });
  return found;
}

/** Groups items by the section their position lies in, sections in document order. */
export function groupBySection<T>(doc: ProseMirrorNode, items: readonly T[], positionOf: (item: T) => number): SectionGroup<T>[] {
  const sorted = [...items].sort((a, b) => positionOf(a) - positionOf(b));
  const groups: SectionGroup<T>[] = [];
  const byKey = new Map<string | null, SectionGroup<T>>();
  for (const item of sorted) {
    const section = sectionAt(doc, positionOf(item));
    const key = section?.key ?? null;
    let group = byKey.get(key);
    if (!group) {
      group = { key, title: section?.title ?? 'Outside the sections', items: [] };
      byKey.set(key, group);
      groups.push(group);
    }
    group.items.push(item);
  }
  return groups;
}
