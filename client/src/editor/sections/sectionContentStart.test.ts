import { describe, expect, it } from 'vitest';
import { findSection } from '@lcs/shared/editor';
import { sectionContentStart } from './sectionContentStart.ts';
import { buildBuiltinStrategy, buildTwoSections } from './testDocs.ts';

describe('where jumping to a section puts the cursor', () => {
  const doc = buildTwoSections();

  it('is the start of the first paragraph after the title', () => {
    const a = findSection(doc, 'a')!;
    const pos = sectionContentStart(doc, 'a')!;
    expect(pos).toBe(a.pos + 1 + a.node.child(0).nodeSize + 1);
    expect(doc.resolve(pos).parent.type.name).toBe('paragraph');
    expect(doc.textBetween(pos, pos + 5)).toBe('Alpha');
  });

  it('is the first subsection’s content when the section has none of its own', () => {
    const pos = sectionContentStart(doc, 'b')!;
    expect(doc.textBetween(pos, pos + 4)).toBe('Beta');
  });

  it('is the first cell of a section that starts with a table', () => {
    const strategy = buildBuiltinStrategy();
    const pos = sectionContentStart(strategy, 'action-plan')!;
    const $pos = strategy.resolve(pos);
    expect($pos.parent.type.name).toBe('paragraph');
    expect($pos.node($pos.depth - 1).type.name).toBe('tableHeader');
  });

  it('is never inside a title', () => {
    const strategy = buildBuiltinStrategy();
    strategy.descendants((node) => {
      if (node.type.name !== 'section') return node.type.name === 'doc';
      const pos = sectionContentStart(strategy, String(node.attrs.key))!;
      expect(strategy.resolve(pos).parent.type.name).not.toBe('sectionTitle');
      return true;
    });
  });

  it('is null for a section the document does not have', () => {
    expect(sectionContentStart(doc, 'nowhere')).toBeNull();
  });
});
