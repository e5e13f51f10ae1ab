import { describe, expect, it } from 'vitest';
import { groupPresence, initials } from './presence.ts';

describe('who is in each section', () => {
  it('groups cursors by section, people sorted by name', () => {
    const grouped = groupPresence([
      { clientId: 1, user: { name: 'Zhou', color: '#112233' }, sectionKey: 'vision' },
      { clientId: 2, user: { name: 'Amina', color: '#445566' }, sectionKey: 'vision' },
      { clientId: 3, user: { name: 'Bo', color: '#778899' }, sectionKey: 'goals' },
    ]);
    expect(grouped.get('vision')?.map((p) => p.name)).toEqual(['Amina', 'Zhou']);
    expect(grouped.get('goals')).toEqual([{ name: 'Bo', color: '#778899' }]);
    expect(grouped.has('challenges')).toBe(false);
  });

  it('shows a person with two tabs in one section once', () => {
    const grouped = groupPresence([
      { clientId: 1, user: { name: 'Amina', color: '#445566' }, sectionKey: 'vision' },
      { clientId: 2, user: { name: 'Amina', color: '#445566' }, sectionKey: 'vision' },
    ]);
    expect(grouped.get('vision')).toHaveLength(1);
  });

  it('does not trust what other clients put in their awareness', () => {
    const grouped = groupPresence([
      { clientId: 1, user: { name: '  ', color: 'red; background: url(x)' }, sectionKey: 'vision' },
      { clientId: 2, user: null, sectionKey: 'goals' },
    ]);
    expect(grouped.get('vision')).toEqual([{ name: 'Someone', color: '#868e96' }]);
    expect(grouped.get('goals')).toEqual([{ name: 'Someone', color: '#868e96' }]);
  });
});

describe('avatar initials', () => {
  it.each([
    ['Amina Diallo', 'AD'],
    ['ana', 'A'],
    ['Nguyễn Thị Minh Khai', 'NK'],
    ['张伟', '张'],
    ['  ', '?'],
    ['😀 Smile', '😀S'],
  ])('of %j are %j', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
