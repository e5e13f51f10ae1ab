import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import { createInvitationBodySchema, redeemInvitationBodySchema } from '@lcs/shared';
import { authOf, requireFacilitator } from '../auth/authenticate.ts';
import { personColor } from '../auth/personColor.ts';
import { SESSION_TTL_MS, sessionCookie } from '../auth/sessionCookie.ts';
import { hashToken, newId, newToken } from '../auth/tokens.ts';
import type { Directory, Invitation } from '../directory/directory.ts';
import { HttpError } from '../errors.ts';
import { invitationDto, personDto } from './dto.ts';

export interface InvitationsRouterOptions {
  directory: Directory;
  /** Base URL that invitation links start with, e.g. `http://localhost:3000`. */
  publicUrl: string;
  /** Redemption attempts allowed per client address per 15 minutes. */
  redeemLimit: number;
}

export const invitationUrl = (publicUrl: string, token: string): string => `${publicUrl.replace(/\/$/, '')}/join/${token}`;

/** Creates an invitation and returns it with its one-time-visible link. */
export async function issueInvitation(
  directory: Directory,
  publicUrl: string,
  input: { workshopId: string | null; teamId: string | null; role: Invitation['role']; expiresInHours: number; maxUses: number; createdBy: string | null },
): Promise<{ invitation: Invitation; url: string }> {
  const token = newToken();
  const invitation = await directory.createInvitation({
    id: newId(),
    tokenHash: hashToken(token),
    workshopId: input.workshopId,
    teamId: input.teamId,
    role: input.role,
    expiresAt: new Date(Date.now() + input.expiresInHours * 3600_000),
    maxUses: input.maxUses,
    createdBy: input.createdBy,
  });
  return { invitation, url: invitationUrl(publicUrl, token) };
}

const refusal = {
  unknown: [404, 'invitation_not_found', 'This invitation link is not valid'],
  expired: [410, 'invitation_expired', 'This invitation link has expired; ask your facilitator for a new one'],
  revoked: [410, 'invitation_revoked', 'This invitation link was withdrawn; ask your facilitator for a new one'],
  used_up: [410, 'invitation_used_up', 'This invitation link has been used as many times as allowed'],
} as const;

/** `/api/invitations`: facilitators create, list and revoke links; anyone redeems one (rate-limited). */
export function invitationsRouter({ directory, publicUrl, redeemLimit }: InvitationsRouterOptions): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 15 * 60_000,
    limit: redeemLimit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) => next(new HttpError(429, 'too_many_attempts', 'Too many attempts; wait a few minutes and try again')),
  });

  router.post('/redeem', limiter, async (req, res) => {
    const parsed = redeemInvitationBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const token = newToken();
    const result = await directory.redeemInvitation(
      hashToken(parsed.data.token),
      { id: newId(), displayName: parsed.data.displayName, color: personColor(parsed.data.displayName) },
      { id: newId(), tokenHash: hashToken(token), expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
      new Date(),
    );
    if (!result.ok) {
      const [status, code, message] = refusal[result.reason];
      throw new HttpError(status, code, message);
    }
    res.setHeader('Set-Cookie', sessionCookie(token, req.secure));
    res.status(201).json({ person: personDto(result.person) });
  });

  router.get('/', requireFacilitator, async (req, res) => {
    const workshopId = typeof req.query.workshopId === 'string' ? req.query.workshopId : undefined;
    res.json({ invitations: (await directory.listInvitations(workshopId)).map((i) => invitationDto(i)) });
  });

  router.post('/', requireFacilitator, async (req, res) => {
    const parsed = createInvitationBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const body = parsed.data;
    const workshopId = body.role === 'facilitator' ? null : body.workshopId;
    if (workshopId && !(await directory.getWorkshop(workshopId))) throw new HttpError(404, 'workshop_not_found', `No workshop with id ${workshopId}`);
    if (body.teamId) {
      const team = await directory.getTeam(body.teamId);
      if (!team || team.workshopId !== workshopId) throw new HttpError(400, 'invalid_request', 'teamId: not a team of this workshop', [{ path: 'teamId', message: 'not a team of this workshop' }]);
    }
    const { invitation, url } = await issueInvitation(directory, publicUrl, {
      workshopId,
      teamId: body.role === 'facilitator' ? null : body.teamId,
      role: body.role,
      expiresInHours: body.expiresInHours,
      maxUses: body.maxUses,
      createdBy: authOf(req).person.id,
    });
    res.status(201).json({ invitation: invitationDto(invitation, url) });
  });

  router.delete('/:id', requireFacilitator, async (req, res) => {
    if (!(await directory.getInvitation(String(req.params.id)))) throw new HttpError(404, 'invitation_not_found', 'No such invitation');
    await directory.revokeInvitation(String(req.params.id), new Date());
    res.status(204).end();
  });

  return router;
}
