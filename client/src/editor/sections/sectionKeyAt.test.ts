import { describe, expect, it } from 'vitest';
import { findSection } from '@lcs/shared/editor';
import { sectionKeyAt } from './sectionKeyAt.ts';
import { buildBuiltinStrategy, buildTwoSections } from './testDocs.ts';

describe('the section at a position', () => {
  const doc = buildTwoSections();
  const a = findSection(doc, 'a')!;
  const b1 = findSection(doc, 'b1')!;

  it('is the section whose text holds the position', () => {
    // Inside "Alpha": section start, title, then into the paragraph.
    expect(sectionKeyAt(doc, a.pos + 1 + a.node.child(0).nodeSize + 2)).toBe('a');
  });

  it('is the section when the position is in its title', () => {
    expect(sectionKeyAt(doc, a.pos + 2)).toBe('a');
  });

  it('is the subsection, not its parent, inside a subsection', () => {
    expect(sectionKeyAt(doc, b1.pos + 1 + b1.node.child(0).nodeSize + 1)).toBe('b1');
  });

  it('is the parent between its title and its first subsection', () => {
    expect(sectionKeyAt(doc, b1.pos)).toBe('b');
  });

  it('is nothing between two top-level sections', () => {
    expect(sectionKeyAt(doc, a.pos + a.node.nodeSize)).toBeNull();
  });

  it('is clamped for positions past either end', () => {
    expect(sectionKeyAt(doc, -5)).toBeNull();
    expect(sectionKeyAt(doc, doc.content.size + 40)).toBeNull();
    expect(sectionKeyAt(doc, doc.content.size - 2)).toBe('b1');
  });

  it('finds every section of a new strategy at the start of its content', () => {
    const strategy = buildBuiltinStrategy();
    strategy.descendants((node, pos) => {
      if (node.type.name === 'section') expect(sectionKeyAt(strategy, pos + 1 + node.child(0).nodeSize)).toBe(node.attrs.key);
      return node.type.name === 'doc' || node.type.name === 'section';
    });
  });
});
