import { readFileSync, writeFileSync } from 'node:fs';
import { builtinTemplate } from '@lcs/shared';
import { describe, expect, it } from 'vitest';
import { buildCraftedStrategy, CRAFTED_COMMENTS, CRAFTED_META, link, paragraph, text } from './__fixtures__/buildExportFixtures.ts';
import { markdownInline } from './markdownInline.ts';
import { readInlines } from './readInlines.ts';
import { toExportModel } from './toExportModel.ts';
import { toMarkdown } from './toMarkdown.ts';

const GOLDEN = new URL('./__fixtures__/craftedStrategy.golden.md', import.meta.url);

function inline(...content: Parameters<typeof paragraph>): string {
  return markdownInline(readInlines(paragraph(...content)));
}

describe('toMarkdown', () => {
  it('renders the crafted strategy exactly as the golden file (UPDATE_GOLDEN=1 rewrites it)', () => {
    const model = toExportModel(buildCraftedStrategy(), CRAFTED_META, builtinTemplate, { includeGuidance: true, includeAnnex: true, comments: CRAFTED_COMMENTS });
    const markdown = toMarkdown(model);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, markdown);
    expect(markdown).toBe(readFileSync(GOLDEN, 'utf8'));
  });

  it('nests marks without breaking the emphasis delimiters', () => {
    expect(inline(text('bold ', 'bold'), text('both', 'bold', 'italic'), ' plain')).toBe('**bold *both*** plain');
  });

  it('keeps spaces outside delimiters, where CommonMark needs them', () => {
    expect(inline('a', text(' b ', 'italic'), 'c')).toBe('a *b* c');
  });

  it('writes links with a target that survives spaces and brackets', () => {
    expect(inline(link('report', 'https://example.org/a b(1)'))).toBe('[report](<https://example.org/a b(1)>)');
  });

  it('drops links whose target is not http, https or mailto', () => {
    expect(inline(link('click', 'javascript:alert(1)'))).toBe('click');
  });

  it('escapes characters that would start Markdown syntax', () => {
    expect(inline('# not a heading')).toBe('\\# not a heading');
    expect(inline('1. not a list')).toBe('1\\. not a list');
    expect(inline('a|b *c* [d]')).toBe('a\\|b \\*c\\* \\[d\\]');
  });

  it('fences inline code that contains backticks with a longer fence', () => {
    expect(inline(text('a `b` c', 'code'))).toBe('``a `b` c``');
  });
});
