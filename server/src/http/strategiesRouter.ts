import { Router } from 'express';
import { createDocumentBodySchema } from '@lcs/shared';
import type { Access, DocumentSummary } from '@lcs/shared';
import { authOf, requireAuth } from '../auth/authenticate.ts';
import { canCreateStrategy, canManage, strategyAccess } from '../auth/permissions.ts';
import { newId } from '../auth/tokens.ts';
import type { Person } from '../directory/directory.ts';
import { HttpError } from '../errors.ts';
import type { DocumentRecord, Storage } from '../storage/storage.ts';
import { DEFAULT_TEMPLATE_ID, findTemplate } from '../strategy/findTemplate.ts';
import { createStrategy } from '../strategy/initialContent.ts';

/** What a person may do with a strategy, and the workshop it belongs to (null for team-less ones). */
export interface StrategyAccess {
  access: Access;
  workshopId: string | null;
}

export const toSummary = (d: DocumentRecord, { access, workshopId }: StrategyAccess): DocumentSummary => ({
  id: d.id,
  workshopId,
  title: d.title,
  teamId: d.teamId,
  city: d.city,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  access,
});

/** Access of a person to a stored strategy, looking up its team's workshop. */
export async function accessTo(storage: Storage, person: Person, doc: DocumentRecord): Promise<StrategyAccess> {
  const team = doc.teamId ? await storage.directory.getTeam(doc.teamId) : undefined;
  const workshopId = team?.workshopId ?? null;
  return { access: strategyAccess(person, { teamId: doc.teamId, workshopId }), workshopId };
}

/** `/api/strategies`: the strategies a person may see; create one for a team; read one's metadata. */
export function strategiesRouter(storage: Storage): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/', async (req, res) => {
    const { person } = authOf(req);
    const all = await storage.listDocuments();
    const visible: DocumentSummary[] = [];
    for (const doc of all) {
      const view = await accessTo(storage, person, doc);
      if (view.access !== 'none') visible.push(toSummary(doc, view));
    }
    res.json({ documents: visible });
  });

  router.post('/', async (req, res) => {
    const { person } = authOf(req);
    const parsed = createDocumentBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const { title, teamId, city } = parsed.data;
    if (teamId === null ? !canManage(person) : !canCreateStrategy(person, teamId)) {
      throw new HttpError(403, 'forbidden', 'You cannot create strategies for this team');
    }
    // A team's strategy follows a template; a facilitator's document without a team starts blank.
    const templateId = parsed.data.templateId ?? (teamId === null ? null : DEFAULT_TEMPLATE_ID);
    const template = templateId === null ? null : await findTemplate(storage.directory, templateId);
    if (template === undefined) {
      throw new HttpError(400, 'template_not_found', `No template with id ${templateId}`, [{ path: 'templateId', message: 'unknown template' }]);
    }
    if (teamId !== null && !(await storage.directory.getTeam(teamId))) throw new HttpError(404, 'team_not_found', `No team with id ${teamId}`);
    const doc = await createStrategy(storage, { id: newId(), title, teamId, city, template });
    res.status(201).json({ document: toSummary(doc, await accessTo(storage, person, doc)) });
  });

  router.get('/:id', async (req, res) => {
    const { person } = authOf(req);
    const doc = await storage.getDocument(req.params.id);
    const view = doc ? await accessTo(storage, person, doc) : undefined;
    if (!doc || !view || view.access === 'none') {
      if (doc) throw new HttpError(403, 'forbidden', 'This strategy belongs to another team');
      throw new HttpError(404, 'document_not_found', `No strategy with id ${req.params.id}`);
    }
    res.json({ document: toSummary(doc, view) });
  });

  return router;
}
