import { describe, expect, it } from 'vitest';
import { commentPermissions } from './commentPermissions.ts';

describe('comment permissions', () => {
  it.each([
    ['edit', { comment: true, resolve: true, decide: true, chooseMode: true }],
    ['comment', { comment: true, resolve: false, decide: false, chooseMode: false }],
    ['read', { comment: false, resolve: false, decide: false, chooseMode: false }],
  ] as const)('with %s access: %o', (access, expected) => {
    expect(commentPermissions(access)).toEqual(expected);
  });
});
