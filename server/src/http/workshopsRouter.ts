import { Router } from 'express';
import { createTeamBodySchema, createWorkshopBodySchema } from '@lcs/shared';
import { authOf, requireAuth, requireFacilitator } from '../auth/authenticate.ts';
import { canManage, canSeeWorkshop } from '../auth/permissions.ts';
import { newId } from '../auth/tokens.ts';
import { seedDemoWorkshop } from '../demo.ts';
import { HttpError } from '../errors.ts';
import type { Storage } from '../storage/storage.ts';
import { personDto, teamDto, workshopDto } from './dto.ts';
import { accessTo, toSummary } from './strategiesRouter.ts';

/** `/api/workshops`: workshops, their country teams and (for facilitators) their people. */
export function workshopsRouter(storage: Storage): Router {
  const { directory } = storage;
  const router = Router();
  router.use(requireAuth);

  const visibleWorkshop = async (req: Parameters<typeof authOf>[0], id: string) => {
    const { person } = authOf(req);
    const workshop = await directory.getWorkshop(id);
    if (!workshop) throw new HttpError(404, 'workshop_not_found', `No workshop with id ${id}`);
    if (!canSeeWorkshop(person, id)) throw new HttpError(403, 'forbidden', 'You are not part of this workshop');
    return workshop;
  };

  router.get('/', async (req, res) => {
    const { person } = authOf(req);
    const all = await directory.listWorkshops();
    res.json({ workshops: all.filter((w) => canSeeWorkshop(person, w.id)).map(workshopDto) });
  });

  router.post('/', requireFacilitator, async (req, res) => {
    const parsed = createWorkshopBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const workshop = await directory.createWorkshop({ id: newId(), ...parsed.data });
    res.status(201).json({ workshop: workshopDto(workshop) });
  });

  /** A demo workshop of nine country teams, each with a strategy from the template, to try things out. */
  router.post('/demo', requireFacilitator, async (_req, res) => {
    const { workshop } = await seedDemoWorkshop(storage);
    res.status(201).json({ workshop: workshopDto(workshop) });
  });

  /** A workshop's home: its teams, each with the strategies the caller may see. */
  router.get('/:id', async (req, res) => {
    const workshop = await visibleWorkshop(req, String(req.params.id));
    const { person } = authOf(req);
    const teams = await directory.listTeams(workshop.id);
    const documents = await storage.listDocuments();
    const teamViews = [];
    for (const team of teams) {
      const strategies = [];
      for (const doc of documents.filter((d) => d.teamId === team.id)) {
        const view = await accessTo(storage, person, doc);
        if (view.access !== 'none') strategies.push(toSummary(doc, view));
      }
      teamViews.push({ ...teamDto(team), strategies });
    }
    res.json({ workshop: workshopDto(workshop), teams: teamViews });
  });

  router.post('/:id/teams', requireFacilitator, async (req, res) => {
    const workshop = await visibleWorkshop(req, String(req.params.id));
    const parsed = createTeamBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const team = await directory.createTeam({ id: newId(), workshopId: workshop.id, ...parsed.data });
    res.status(201).json({ team: teamDto(team) });
  });

  router.get('/:id/people', async (req, res) => {
    const workshop = await visibleWorkshop(req, String(req.params.id));
    const { person } = authOf(req);
    const people = await directory.listPeople(workshop.id);
    // Everyone sees names and colours (for carets and mentions); only facilitators see who is revoked.
    const shown = canManage(person) ? people : people.filter((p) => !p.revokedAt);
    res.json({ people: shown.map(personDto) });
  });

  return router;
}
