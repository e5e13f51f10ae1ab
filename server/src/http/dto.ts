import type { InvitationDto, PersonDto, TeamDto, WorkshopDto } from '@lcs/shared';
import type { Invitation, Person, Team, Workshop } from '../directory/directory.ts';

/** Directory records as the API shows them (no hashes, ISO dates). */
export const workshopDto = (w: Workshop): WorkshopDto => ({
  id: w.id,
  name: w.name,
  place: w.place,
  startsOn: w.startsOn,
  endsOn: w.endsOn,
  onlineStartsOn: w.onlineStartsOn,
  onlineEndsOn: w.onlineEndsOn,
});

export const teamDto = (t: Team): TeamDto => ({ id: t.id, workshopId: t.workshopId, country: t.country, cities: t.cities });

export const personDto = (p: Person): PersonDto => ({
  id: p.id,
  displayName: p.displayName,
  color: p.color,
  role: p.role,
  workshopId: p.workshopId,
  teamIds: p.teamIds,
  revoked: p.revokedAt !== null,
});

export const invitationDto = (i: Invitation, url?: string): InvitationDto => ({
  id: i.id,
  workshopId: i.workshopId,
  teamId: i.teamId,
  role: i.role,
  expiresAt: i.expiresAt.toISOString(),
  maxUses: i.maxUses,
  uses: i.uses,
  revoked: i.revokedAt !== null,
  ...(url ? { url } : {}),
});
