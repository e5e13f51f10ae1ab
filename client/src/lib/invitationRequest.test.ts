import { describe, expect, it } from 'vitest';
import { invitationRequest } from './invitationRequest.ts';
import type { InvitationForm } from './invitationRequest.ts';

const buildForm = (overrides: Partial<InvitationForm> = {}): InvitationForm => ({
  role: 'member',
  teamId: 'kenya',
  expiresInHours: '168',
  maxUses: '30',
  ...overrides,
});

describe('invitationRequest', () => {
  it('invites a member or an expert to a team of the workshop', () => {
    expect(invitationRequest(buildForm(), 'w1')).toEqual({ body: { workshopId: 'w1', role: 'member', teamId: 'kenya', expiresInHours: 168, maxUses: 30 } });
    expect(invitationRequest(buildForm({ role: 'expert' }), 'w1')).toMatchObject({ body: { role: 'expert', teamId: 'kenya' } });
  });

  it('needs a team for members and experts', () => {
    expect(invitationRequest(buildForm({ teamId: '' }), 'w1')).toEqual({ problems: { teamId: 'Choose the team they join.' } });
    expect(invitationRequest(buildForm({ role: 'expert', teamId: '' }), 'w1')).toMatchObject({ problems: { teamId: expect.any(String) } });
  });

  it('lets an observer watch one team or the whole workshop', () => {
    expect(invitationRequest(buildForm({ role: 'observer', teamId: '' }), 'w1')).toMatchObject({ body: { workshopId: 'w1', teamId: null } });
    expect(invitationRequest(buildForm({ role: 'observer' }), 'w1')).toMatchObject({ body: { teamId: 'kenya' } });
  });

  it('invites a facilitator to no workshop and no team, whatever was selected', () => {
    expect(invitationRequest(buildForm({ role: 'facilitator' }), 'w1')).toMatchObject({ body: { workshopId: null, teamId: null } });
    expect(invitationRequest(buildForm({ role: 'facilitator', teamId: '' }), null)).toMatchObject({ body: { role: 'facilitator' } });
  });

  it('invites no one but facilitators outside a workshop', () => {
    expect(invitationRequest(buildForm(), null)).toMatchObject({ problems: { role: expect.any(String) } });
  });

  it.each([
    ['0', '30', 'expiresInHours'],
    ['2161', '30', 'expiresInHours'],
    ['1.5', '30', 'expiresInHours'],
    ['', '30', 'expiresInHours'],
    ['168', '0', 'maxUses'],
    ['168', '501', 'maxUses'],
    ['168', 'ten', 'maxUses'],
  ])('refuses %s hours and %s uses (%s)', (expiresInHours, maxUses, field) => {
    const result = invitationRequest(buildForm({ expiresInHours, maxUses }), 'w1');
    expect(result).toEqual({ problems: { [field]: expect.any(String) } });
  });
});
