import { describe, expect, it } from 'vitest';
import type { Role } from '@lcs/shared';
import { canCreateStrategy } from './canCreateStrategy.ts';

const buildPerson = (role: Role, teamIds: string[] = ['kenya'], revoked = false) => ({ role, teamIds, revoked });

describe('canCreateStrategy', () => {
  it.each([
    ['facilitator', 'kenya', true],
    ['facilitator', 'senegal', true],
    ['member', 'kenya', true],
    ['member', 'senegal', false],
    ['expert', 'kenya', false],
    ['observer', 'kenya', false],
  ] as const)('a %s on team kenya may create on team %s: %s', (role, teamId, allowed) => {
    expect(canCreateStrategy(buildPerson(role), teamId)).toBe(allowed);
  });

  it('offers nothing to a revoked person', () => {
    expect(canCreateStrategy(buildPerson('facilitator', [], true), 'kenya')).toBe(false);
  });
});
