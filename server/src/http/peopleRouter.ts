import { Router } from 'express';
import { updatePersonBodySchema } from '@lcs/shared';
import { authOf, requireAuth, requireFacilitator } from '../auth/authenticate.ts';
import { clearedSessionCookie } from '../auth/sessionCookie.ts';
import type { Directory } from '../directory/directory.ts';
import { HttpError } from '../errors.ts';
import { personDto, workshopDto } from './dto.ts';

export interface PeopleRouterOptions {
  directory: Directory;
  /** Called after someone's role, teams or revocation changed, so open sockets follow at once. */
  accessChanged(personId: string): void;
}

/** `/api/me` (who am I, rename myself, sign out) and `/api/people/:id` (facilitators manage people). */
export function peopleRouter({ directory, accessChanged }: PeopleRouterOptions): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/me', async (req, res) => {
    const { person } = authOf(req);
    const workshop = person.workshopId ? await directory.getWorkshop(person.workshopId) : undefined;
    res.json({ person: personDto(person), workshop: workshop ? workshopDto(workshop) : null });
  });

  router.patch('/me', async (req, res) => {
    const parsed = updatePersonBodySchema.pick({ displayName: true, color: true }).strict().safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const updated = await directory.updatePerson(authOf(req).person.id, parsed.data);
    res.json({ person: personDto(updated!) });
  });

  router.post('/me/logout', async (req, res) => {
    await directory.revokeSession(authOf(req).session.id, new Date());
    res.setHeader('Set-Cookie', clearedSessionCookie(req.secure));
    res.status(204).end();
  });

  router.patch('/people/:id', requireFacilitator, async (req, res) => {
    const parsed = updatePersonBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const target = await directory.getPerson(String(req.params.id));
    if (!target) throw new HttpError(404, 'person_not_found', 'No such person');
    for (const teamId of parsed.data.teamIds ?? []) {
      const team = await directory.getTeam(teamId);
      if (!team || team.workshopId !== target.workshopId) throw new HttpError(400, 'invalid_request', `teamIds: ${teamId} is not a team of this person's workshop`);
    }
    const updated = await directory.updatePerson(target.id, parsed.data);
    accessChanged(target.id);
    res.json({ person: personDto(updated!) });
  });

  router.delete('/people/:id', requireFacilitator, async (req, res) => {
    const target = await directory.getPerson(String(req.params.id));
    if (!target) throw new HttpError(404, 'person_not_found', 'No such person');
    if (target.id === authOf(req).person.id) throw new HttpError(400, 'cannot_revoke_self', 'You cannot revoke yourself');
    await directory.revokePerson(target.id, new Date());
    accessChanged(target.id);
    res.status(204).end();
  });

  return router;
}
