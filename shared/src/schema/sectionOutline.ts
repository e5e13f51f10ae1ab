import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { SECTION_NODE, SECTION_TITLE_NODE } from '../coverage/strategyDocument.ts';

/** A section node and the position just before it. */
export interface FoundSection {
  node: ProseMirrorNode;
  pos: number;
}

/**
 * Visits every section, parents before their subsections. Only the document and sections can hold
 * sections (the schema says so), so the walk never descends into ordinary content.
 * Return `false` from `visit` to stop.
 */
export function forEachSection(doc: ProseMirrorNode, visit: (section: ProseMirrorNode, pos: number, parentKey: string | null) => boolean | void): void {
  const walk = (container: ProseMirrorNode, contentStart: number, parentKey: string | null): boolean => {
    let offset = 0;
    for (let index = 0; index < container.childCount; index++) {
      const child = container.child(index);
      const pos = contentStart + offset;
      offset += child.nodeSize;
      if (child.type.name !== SECTION_NODE) continue;
      if (visit(child, pos, parentKey) === false) return false;
      if (!walk(child, pos + 1, String(child.attrs.key))) return false;
    }
    return true;
  };
  walk(doc, 0, null);
}

/** The section with this key, or null. */
export function findSection(doc: ProseMirrorNode, key: string): FoundSection | null {
  let found: FoundSection | null = null;
  forEachSection(doc, (node, pos) => {
    if (node.attrs.key !== key) return true;
    found = { node, pos };
    return false;
  });
  return found;
}

/** A section's title text, or null when it has none (which the schema does not allow). */
export function sectionTitleText(section: ProseMirrorNode): string | null {
  const first = section.firstChild;
  return first?.type.name === SECTION_TITLE_NODE ? first.textContent : null;
}

/**
 * What must survive every local edit: each section's key, where it sits and its title, in order.
 * Status, lead and the content after the title are free to change.
 */
export function sectionOutline(doc: ProseMirrorNode): string[] {
  const outline: string[] = [];
  forEachSection(doc, (node, _pos, parentKey) => {
    outline.push(JSON.stringify([parentKey, node.attrs.key, sectionTitleText(node)]));
  });
  return outline;
}

function countTopLevelSections(doc: ProseMirrorNode): number {
  let sections = 0;
  doc.forEach((child) => {
    if (child.type.name === SECTION_NODE) sections++;
  });
  return sections;
}

/** Top-level blocks outside any section, in a document that has sections (0 in one without). */
export function countLooseBlocks(doc: ProseMirrorNode): number {
  const sections = countTopLevelSections(doc);
  return sections === 0 ? 0 : doc.childCount - sections;
}

/**
 * True when `after` has exactly the sections and titles of `before`, and no more loose blocks
 * beside them (text outside every section would belong to no section; removing any is fine).
 */
export function sectionsIntact(before: ProseMirrorNode, after: ProseMirrorNode): boolean {
  if (before === after) return true;
  const a = sectionOutline(before);
  const b = sectionOutline(after);
  return a.length === b.length && a.every((entry, index) => entry === b[index]) && countLooseBlocks(after) <= countLooseBlocks(before);
}

/** A range an author may freely delete from; `keepOne` when it must not be left empty. */
export interface FreeRange {
  from: number;
  to: number;
  /** A section's content or a plain document's body keeps an empty paragraph to write in. */
  keepOne: boolean;
}

/**
 * The ranges an author may freely delete from, in document order: each section's own content
 * (between its title and its first subsection), runs of loose blocks beside top-level sections,
 * and the whole body of a document without sections.
 */
export function freeContentRanges(doc: ProseMirrorNode): FreeRange[] {
  const ranges: FreeRange[] = [];
  const hasSections = countTopLevelSections(doc) > 0;
  // Top level first: runs of anything but sections.
  let run: FreeRange | null = null;
  doc.forEach((child, offset) => {
    if (child.type.name === SECTION_NODE) run = null;
    else if (run) run.to = offset + child.nodeSize;
    else ranges.push((run = { from: offset, to: offset + child.nodeSize, keepOne: !hasSections }));
  });
  forEachSection(doc, (node, pos) => {
    let from = pos + 1;
    let index = 0;
    if (node.firstChild?.type.name === SECTION_TITLE_NODE) {
      from += node.firstChild.nodeSize;
      index = 1;
    }
    let to = from;
    for (; index < node.childCount && node.child(index).type.name !== SECTION_NODE; index++) to += node.child(index).nodeSize;
    ranges.push({ from, to, keepOne: true });
  });
  return ranges.sort((a, b) => a.from - b.from);
}
