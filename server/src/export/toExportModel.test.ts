import { builtinTemplate } from '@lcs/shared';
import { describe, expect, it } from 'vitest';
import { buildCraftedStrategy, buildPlainDocument, CRAFTED_COMMENTS, CRAFTED_META, paragraph, section } from './__fixtures__/buildExportFixtures.ts';
import { COMMENTS_ANNEX_TITLE } from './commentsAnnex.ts';
import type { Block, HeadingBlock } from './exportModel.ts';
import { headingPrefix } from './exportModel.ts';
import { KEY_FEATURES_ANNEX_TITLE } from './keyFeaturesAnnex.ts';
import { inlineText } from './readInlines.ts';
import { toExportModel } from './toExportModel.ts';

const headings = (blocks: Block[]) => blocks.filter((block): block is HeadingBlock => block.type === 'heading');
const labels = (blocks: Block[]) => headings(blocks).map((block) => headingPrefix(block) + inlineText(block.inlines));

describe('toExportModel', () => {
  it('numbers sections and subsections in document order, nesting levels by depth', () => {
    const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeAnnex: false });
    const sections = headings(model.blocks).filter((block) => block.inToc);
    expect(sections.map((block) => [block.level, headingPrefix(block) + inlineText(block.inlines)])).toEqual([
      [1, '1 Vision and motivation'],
      [1, '2 Context and situation analysis'],
      [2, '2.1 City profile'],
      [2, '2.2 Stock-take of current learning provision'],
      [2, '2.3 Challenges'],
      [1, '3 Key Features areas of focus'],
      [2, '2.3 Effective learning for and in the workplace'],
      [1, '4 Action plan'],
    ]);
  });

  it('keeps a title that carries its own number without adding a second one', () => {
    const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeAnnex: false });
    expect(labels(model.blocks)).toContain('2.3 Effective learning for and in the workplace');
    expect(labels(model.blocks)).not.toContain('3.1 2.3 Effective learning for and in the workplace');
  });

  it('places headings written inside a section one level below it', () => {
    const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeAnnex: false });
    const ambitions = headings(model.blocks).find((block) => inlineText(block.inlines) === 'Ambitions by 2030');
    expect(ambitions).toMatchObject({ level: 3, number: null, inToc: false });
  });

  it('adds guidance notes from the template only when asked, labelled as the product’s own', () => {
    const doc = { type: 'doc', content: [section('vision-and-motivation', 'Vision and motivation', [paragraph('Text')])] };
    const without = toExportModel(doc, CRAFTED_META, builtinTemplate, { includeAnnex: false });
    const withGuidance = toExportModel(doc, CRAFTED_META, builtinTemplate, { includeGuidance: true, includeAnnex: false });
    expect(without.blocks.some((block) => block.type === 'guidance')).toBe(false);
    const note = withGuidance.blocks.find((block) => block.type === 'guidance');
    expect(note).toMatchObject({ type: 'guidance', questions: builtinTemplate.sections[0]!.guidance });
    expect(note?.type === 'guidance' && note.label).toMatch(/not UNESCO/);
  });

  it('appends the Key Features annex by default, with all twelve areas of focus and their coverage', () => {
    const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate);
    expect(labels(model.blocks)).toContain(KEY_FEATURES_ANNEX_TITLE);
    const annex = model.blocks.findIndex((block) => block.type === 'heading' && inlineText(block.inlines) === KEY_FEATURES_ANNEX_TITLE);
    const rows = model.blocks.slice(annex).flatMap((block) => (block.type === 'table' ? block.rows.slice(1) : []));
    expect(rows).toHaveLength(12);
    const workplace = rows.find((row) => row[0]!.blocks.some((block) => block.type === 'paragraph' && inlineText(block.inlines).startsWith('2.3')));
    const cells = workplace!.map((cell) => cell.blocks.map((block) => (block.type === 'paragraph' ? inlineText(block.inlines) : '')).join(''));
    expect(cells).toEqual(['2.3 Effective learning for and in the workplace', '2.3 Effective learning for and in the workplace', 'Yes', 'Yes', 'Yes', 'Yes']);
  });

  it('appends the comments annex only when comments are given', () => {
    const without = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeAnnex: false });
    const withComments = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeAnnex: false, comments: CRAFTED_COMMENTS });
    expect(labels(without.blocks)).not.toContain(COMMENTS_ANNEX_TITLE);
    expect(labels(withComments.blocks)).toContain(COMMENTS_ANNEX_TITLE);
  });

  it('exports a plain document without sections block by block', () => {
    const model = toExportModel(buildPlainDocument(), { title: 'Notes' }, builtinTemplate, { includeAnnex: false });
    expect(model.blocks.map((block) => block.type)).toEqual(['heading', 'paragraph', 'list']);
    expect(model.cover).toEqual([]);
  });

  it('gives every heading a unique anchor, even when section keys repeat', () => {
    const doc = { type: 'doc', content: [section('same', 'One', []), section('same', 'Two', [])] };
    const ids = headings(toExportModel(doc, CRAFTED_META, builtinTemplate).blocks).map((block) => block.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves blank fields off the cover', () => {
    const model = toExportModel(buildPlainDocument(), { title: 'T', city: 'Nairobi', country: ' ', date: null }, builtinTemplate);
    expect(model.cover).toEqual([{ label: 'City', value: 'Nairobi' }]);
  });
});
