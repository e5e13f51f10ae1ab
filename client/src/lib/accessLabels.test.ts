import { describe, expect, it } from 'vitest';
import { readOnlyBadge } from './accessLabels.ts';

describe('readOnlyBadge', () => {
  it('shows no badge to people who can edit', () => {
    expect(readOnlyBadge('edit')).toBeNull();
  });

  it('tells experts the text is read only and that they comment and suggest instead', () => {
    expect(readOnlyBadge('comment')).toBe('Read only — comment and suggest changes');
  });

  it('tells observers the text is read only', () => {
    expect(readOnlyBadge('read')).toBe('Read only');
  });
});
