import { z } from 'zod';

/**
 * Roles in a workshop. Facilitators run the programme and see everything; members edit their own
 * team's strategies; experts read and comment on the teams they are assigned to; observers read.
 */
export const roles = ['facilitator', 'member', 'expert', 'observer'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** What a person may do with one strategy, strongest first. `none` answers 403 / 4403. */
export type Access = 'edit' | 'comment' | 'read' | 'none';

/** Whether access `have` includes access `need`. */
export function accessAllows(have: Access, need: Exclude<Access, 'none'>): boolean {
  const rank: Record<Access, number> = { none: 0, read: 1, comment: 2, edit: 3 };
  return rank[have] >= rank[need];
}

const isoDate = z.iso.date({ error: 'must be a date (YYYY-MM-DD)' });

export const createWorkshopBodySchema = z
  .object({
    name: z.string().trim().min(1, 'required').max(200),
    place: z.string().trim().max(200).default(''),
    startsOn: isoDate,
    endsOn: isoDate,
    onlineStartsOn: isoDate.nullable().default(null),
    onlineEndsOn: isoDate.nullable().default(null),
  })
  .strict()
  .refine((w) => w.startsOn <= w.endsOn, { message: 'must not be before startsOn', path: ['endsOn'] });
export type CreateWorkshopBody = z.infer<typeof createWorkshopBodySchema>;

export const createTeamBodySchema = z
  .object({
    country: z.string().trim().min(1, 'required').max(100),
    cities: z.array(z.string().trim().min(1, 'required').max(100)).min(1, 'at least one city').max(10),
  })
  .strict();
export type CreateTeamBody = z.infer<typeof createTeamBodySchema>;

export const createInvitationBodySchema = z
  .object({
    /** Facilitators are programme-wide and need none; everyone else joins one workshop. */
    workshopId: z.string().min(1).nullable().default(null),
    role: roleSchema,
    /** The team a member, expert or observer joins; omit for facilitators and workshop-wide observers. */
    teamId: z.string().min(1).nullable().default(null),
    /** Hours until the link stops working. Default one week. */
    expiresInHours: z.number().int().min(1).max(24 * 90).default(24 * 7),
    maxUses: z.number().int().min(1).max(500).default(30),
  })
  .strict()
  .refine((i) => i.role === 'facilitator' || i.role === 'observer' || i.teamId !== null, {
    message: 'required for members and experts',
    path: ['teamId'],
  })
  .refine((i) => i.role === 'facilitator' || i.workshopId !== null, { message: 'required except for facilitators', path: ['workshopId'] });
export type CreateInvitationBody = z.infer<typeof createInvitationBodySchema>;

export const redeemInvitationBodySchema = z
  .object({
    token: z.string().min(16, 'invalid').max(200),
    displayName: z.string().trim().min(1, 'required').max(80),
  })
  .strict();
export type RedeemInvitationBody = z.infer<typeof redeemInvitationBodySchema>;

export const updatePersonBodySchema = z
  .object({
    role: roleSchema.optional(),
    teamIds: z.array(z.string().min(1)).max(50).optional(),
    displayName: z.string().trim().min(1).max(80).optional(),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a #rrggbb colour').optional(),
  })
  .strict();
export type UpdatePersonBody = z.infer<typeof updatePersonBodySchema>;

export interface WorkshopDto {
  id: string;
  name: string;
  place: string;
  startsOn: string;
  endsOn: string;
  onlineStartsOn: string | null;
  onlineEndsOn: string | null;
}

export interface TeamDto {
  id: string;
  workshopId: string;
  country: string;
  cities: string[];
}

export interface PersonDto {
  id: string;
  displayName: string;
  color: string;
  role: Role;
  workshopId: string | null;
  teamIds: string[];
  revoked: boolean;
}

export interface InvitationDto {
  id: string;
  workshopId: string | null;
  teamId: string | null;
  role: Role;
  expiresAt: string;
  maxUses: number;
  uses: number;
  revoked: boolean;
  /** Present only in the response that created it: the token is stored hashed. */
  url?: string;
}
