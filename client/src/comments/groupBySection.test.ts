import { describe, expect, it } from 'vitest';
import { buildParagraph, buildSection } from '@lcs/shared';
import { editorSchema } from '@lcs/shared/editor';
import { groupBySection, sectionAt } from './groupBySection.ts';

// "a" (title A, text Alpha), then "b" (title B) holding subsection "b1" (title B one, text Beta).
const doc = editorSchema().nodeFromJSON({
  type: 'doc',
  content: [
    buildSection('a', { title: 'A', content: [buildParagraph('Alpha')] }),
    buildSection('b', { title: 'B', content: [], children: [buildSection('b1', { title: 'B one', level: 3, content: [buildParagraph('Beta')] })] }),
  ],
});
const textPos = (text: string) => {
  let found = -1;
  doc.descendants((node, pos) => {
    if (found < 0 && node.isText && node.text!.includes(text)) found = pos + node.text!.indexOf(text);
  });
  return found;
};

describe('grouping by section', () => {
  it('finds the innermost section holding a position', () => {
    expect(sectionAt(doc, textPos('Alpha'))).toEqual({ key: 'a', title: 'A' });
    expect(sectionAt(doc, textPos('Beta'))).toEqual({ key: 'b1', title: 'B one' });
    expect(sectionAt(doc, textPos('B one'))).toEqual({ key: 'b1', title: 'B one' });
  });

  it('groups suggestions by their section in document order, whatever order they came in', () => {
    const items = [
      { id: 's3', pos: textPos('Beta') + 1 },
      { id: 's1', pos: textPos('Alpha') },
      { id: 's2', pos: textPos('Beta') },
    ];
    expect(groupBySection(doc, items, (i) => i.pos).map((g) => ({ key: g.key, title: g.title, ids: g.items.map((i) => i.id) }))).toEqual([
      { key: 'a', title: 'A', ids: ['s1'] },
      { key: 'b1', title: 'B one', ids: ['s2', 's3'] },
    ]);
  });

  it('puts text outside every section in a group of its own', () => {
    const plain = editorSchema().nodeFromJSON({ type: 'doc', content: [buildParagraph('Loose')] });
    expect(groupBySection(plain, [{ pos: 2 }], (i) => i.pos)).toEqual([{ key: null, title: 'Outside the sections', items: [{ pos: 2 }] }]);
  });
});
