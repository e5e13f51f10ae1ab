import { describe, expect, it } from 'vitest';
import { buildParagraph, buildSection } from '@lcs/shared';
import { findSection } from '@lcs/shared/editor';
import { sectionContextOf, sectionDecorations } from './sectionDecorations.ts';
import { buildBuiltinStrategy, buildDoc } from './testDocs.ts';

describe('section decorations', () => {
  const doc = buildDoc({
    type: 'doc',
    content: [
      buildSection('a', { title: 'A', status: 'drafting', lead: 'Amina', children: [buildSection('a1', { title: 'A one', level: 3 })] }),
      buildSection('b', { title: 'B', content: [buildParagraph('text')] }),
    ],
  });
  const set = sectionDecorations(doc);

  it('give each title the key, status and lead of its own section', () => {
    const a1 = findSection(doc, 'a1')!;
    expect(sectionContextOf(set.find(a1.pos + 1, a1.pos + 1 + a1.node.child(0).nodeSize).filter((d) => d.from === a1.pos + 1))).toEqual({
      key: 'a1',
      status: 'not_started',
      lead: null,
    });
    const a = findSection(doc, 'a')!;
    expect(sectionContextOf(set.find(a.pos + 1, a.pos + 2).filter((d) => d.from === a.pos + 1))).toEqual({ key: 'a', status: 'drafting', lead: 'Amina' });
  });

  it('label every section for tests', () => {
    const labels = set.find().flatMap((d) => (d.spec.sectionContext ? [] : [d]));
    expect(labels).toHaveLength(3);
  });

  it('cover every section of a new strategy', () => {
    const strategy = buildBuiltinStrategy();
    let sections = 0;
    strategy.descendants((node) => {
      if (node.type.name === 'section') sections++;
      return node.type.name === 'doc' || node.type.name === 'section';
    });
    expect(sectionDecorations(strategy).find()).toHaveLength(sections * 2);
  });

  it('carry nothing a heading could mistake for its context when there is none', () => {
    expect(sectionContextOf([])).toBeNull();
  });
});
