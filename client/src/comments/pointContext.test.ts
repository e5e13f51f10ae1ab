import { describe, expect, it } from 'vitest';
import { buildParagraph } from '@lcs/shared';
import { editorSchema } from '@lcs/shared/editor';
import { pointContext } from './pointContext.ts';

const schema = editorSchema();
const docWith = (...paragraphs: string[]) => schema.nodeFromJSON({ type: 'doc', content: paragraphs.map((text) => buildParagraph(text)) });

describe('the text around a point', () => {
  it('is its paragraph before and after the point', () => {
    const doc = docWith('First one.', 'Every citizen learns.');
    // The second paragraph starts at 12 + 1; "Every citizen" is 13 characters.
    expect(pointContext(doc, 13 + 13)).toEqual({ before: 'Every citizen', after: ' learns.' });
  });

  it('is empty on the side where the paragraph ends', () => {
    const doc = docWith('Hello');
    expect(pointContext(doc, 1)).toEqual({ before: '', after: 'Hello' });
    expect(pointContext(doc, 6)).toEqual({ before: 'Hello', after: '' });
  });

  it('is cut to whole words near the point when it is long', () => {
    const doc = docWith('one two three four five six seven eight nine ten');
    const at = 1 + 'one two three four five'.length;
    expect(pointContext(doc, at, 12)).toEqual({ before: '…four five', after: ' six seven…' });
  });
});
