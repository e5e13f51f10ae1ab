import { describe, expect, it } from 'vitest';
import { invitationStatus } from './invitationStatus.ts';

const now = new Date('2024-10-21T09:00:00Z');
const buildInvitation = (overrides: Partial<Parameters<typeof invitationStatus>[0]> = {}) => ({
  revoked: false,
  expiresAt: '2024-10-28T09:00:00.000Z',
  uses: 0,
  maxUses: 30,
  ...overrides,
});

describe('invitationStatus', () => {
  it.each([
    ['active', {}],
    ['revoked', { revoked: true }],
    ['expired', { expiresAt: '2024-10-21T09:00:00.000Z' }],
    ['used-up', { uses: 30 }],
    ['revoked', { revoked: true, uses: 30, expiresAt: '2024-01-01T00:00:00.000Z' }],
    ['expired', { uses: 30, expiresAt: '2024-01-01T00:00:00.000Z' }],
  ] as const)('is %s for %o', (status, overrides) => {
    expect(invitationStatus(buildInvitation(overrides), now)).toBe(status);
  });
});
