import { describe, expect, it } from 'vitest';
import { readOnlyBadge } from './accessLabels.ts';

describe('readOnlyBadge', () => {
  it('shows no badge to people who can edit', () => {
    expect(readOnlyBadge('edit')).toBeNull();
  });

  it('tells experts the text is read only and comments are coming', () => {
    expect(readOnlyBadge('comment')).toBe('Read only — experts comment (coming soon)');
  });

  it('tells observers the text is read only', () => {
    expect(readOnlyBadge('read')).toBe('Read only');
  });
});
