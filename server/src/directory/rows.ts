import type { Role } from '@lcs/shared';
import type { Invitation, Person, Session, StoredTemplate, Team, Workshop } from './directory.ts';

/**
 * Row mappers shared by the SQLite and PostgreSQL directories: both store the same snake_case
 * columns, times as epoch milliseconds and lists as JSON text.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- rows come back untyped from the driver */
export const date = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));
export const toWorkshop = (r: any): Workshop => ({
  id: r.id,
  name: r.name,
  place: r.place,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  onlineStartsOn: r.online_starts_on,
  onlineEndsOn: r.online_ends_on,
  createdAt: new Date(Number(r.created_at)),
});
export const toTeam = (r: any): Team => ({ id: r.id, workshopId: r.workshop_id, country: r.country, cities: JSON.parse(r.cities), createdAt: new Date(Number(r.created_at)) });
export const toPerson = (r: any): Person => ({
  id: r.id,
  displayName: r.display_name,
  color: r.color,
  role: r.role as Role,
  workshopId: r.workshop_id,
  teamIds: JSON.parse(r.team_ids),
  createdAt: new Date(Number(r.created_at)),
  revokedAt: date(r.revoked_at),
});
export const toInvitation = (r: any): Invitation => ({
  id: r.id,
  tokenHash: r.token_hash,
  workshopId: r.workshop_id,
  teamId: r.team_id,
  role: r.role as Role,
  expiresAt: new Date(Number(r.expires_at)),
  maxUses: Number(r.max_uses),
  uses: Number(r.uses),
  revokedAt: date(r.revoked_at),
  createdAt: new Date(Number(r.created_at)),
  createdBy: r.created_by,
});
export const toSession = (r: any): Session => ({
  id: r.id,
  tokenHash: r.token_hash,
  personId: r.person_id,
  createdAt: new Date(Number(r.created_at)),
  expiresAt: new Date(Number(r.expires_at)),
  revokedAt: date(r.revoked_at),
});
export const toStoredTemplate = (r: any): StoredTemplate => ({
  id: r.id,
  version: Number(r.version),
  body: r.body,
  createdAt: new Date(Number(r.created_at)),
  createdBy: r.created_by,
});
/* eslint-enable @typescript-eslint/no-explicit-any */
