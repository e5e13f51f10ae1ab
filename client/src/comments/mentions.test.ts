import { describe, expect, it } from 'vitest';
import { insertMention, matchPeople, mentionedIds, mentionQueryAt, splitMentions } from './mentions.ts';

const people = [
  { id: 'ana', displayName: 'Ana Lopez' },
  { id: 'anabel', displayName: 'Anabel' },
  { id: 'bo', displayName: 'Bo Chen' },
];

describe('mentions', () => {
  it('notice an "@" being typed at the start or after a space, with what follows it', () => {
    expect(mentionQueryAt('@', 1)).toEqual({ start: 0, query: '' });
    expect(mentionQueryAt('Thanks @An', 10)).toEqual({ start: 7, query: 'An' });
    expect(mentionQueryAt('Thanks @Ana Lo', 14)).toEqual({ start: 7, query: 'Ana Lo' });
  });

  it('ignore an "@" inside a word, after a line break, or far behind the caret', () => {
    expect(mentionQueryAt('mail ana@example.org', 20)).toBeNull();
    expect(mentionQueryAt('@Ana\nnext', 9)).toBeNull();
    expect(mentionQueryAt('@ nobody', 8)).toBeNull();
    expect(mentionQueryAt(`@${'x'.repeat(41)}`, 42)).toBeNull();
  });

  it('offer the people whose name or a word of it starts with the query', () => {
    expect(matchPeople(people, 'an').map((p) => p.id)).toEqual(['ana', 'anabel']);
    expect(matchPeople(people, 'chen').map((p) => p.id)).toEqual(['bo']);
    expect(matchPeople(people, '').map((p) => p.id)).toEqual(['ana', 'anabel', 'bo']);
  });

  it('put the chosen name in place of the query and the caret after it', () => {
    expect(insertMention('Hi @an, see', { start: 3, query: 'an' }, 6, 'Ana Lopez')).toEqual({ text: 'Hi @Ana Lopez , see', caret: 14 });
  });

  it('find who a comment mentions, without mistaking one name for the start of another', () => {
    expect(mentionedIds('@Ana Lopez and @Bo Chen, please', people)).toEqual(['ana', 'bo']);
    expect(mentionedIds('@Anabel only', people)).toEqual(['anabel']);
    expect(mentionedIds('Ana Lopez without an at sign', people)).toEqual([]);
  });

  it('cut a comment into text and mentions for display', () => {
    expect(splitMentions('Hi @Ana Lopez!', ['Ana Lopez'])).toEqual([
      { text: 'Hi ', mention: false },
      { text: '@Ana Lopez', mention: true },
      { text: '!', mention: false },
    ]);
    expect(splitMentions('No names (a+b)', [])).toEqual([{ text: 'No names (a+b)', mention: false }]);
  });
});
