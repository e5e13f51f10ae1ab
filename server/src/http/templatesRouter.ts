import { Router } from 'express';
import { builtinTemplate, parseTemplate } from '@lcs/shared';
import { authOf, requireAuth, requireFacilitator } from '../auth/authenticate.ts';
import { HttpError } from '../errors.ts';
import type { Storage } from '../storage/storage.ts';
import { findTemplate, listTemplates } from '../strategy/findTemplate.ts';

/**
 * `/api/templates`: everyone signed in lists and reads templates (to choose one and show its
 * guidance); facilitators upload their own as JSON. An upload is all or nothing: every problem is
 * reported with its path (`sections[3].title: required`) and nothing is stored.
 */
export function templatesRouter(storage: Storage): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/', async (_req, res) => {
    const templates = await listTemplates(storage.directory);
    res.json({ templates: templates.map(({ id, version, language, title }) => ({ id, version, language, title })) });
  });

  router.get('/:id', async (req, res) => {
    const version = req.query.version === undefined ? undefined : Number(req.query.version);
    const template = await findTemplate(storage.directory, String(req.params.id), Number.isInteger(version) ? version : undefined);
    if (!template) throw new HttpError(404, 'template_not_found', `No template ${String(req.params.id)}`);
    res.json({ template });
  });

  router.post('/', requireFacilitator, async (req, res) => {
    const parsed = parseTemplate(req.body);
    if (!parsed.ok) {
      throw new HttpError(400, 'invalid_template', `The template has ${parsed.errors.length} problem(s): ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`, parsed.errors);
    }
    const template = parsed.template;
    const latest = await findTemplate(storage.directory, template.id);
    if (latest && template.version <= latest.version) {
      throw new HttpError(409, 'template_version_exists', `Template ${template.id} is at version ${latest.version}; upload version ${latest.version + 1} or higher`);
    }
    if (template.id === builtinTemplate.id && template.language !== builtinTemplate.language) {
      throw new HttpError(400, 'invalid_template', 'language: a new version keeps the language of the built-in template', [{ path: 'language', message: 'must stay ' + builtinTemplate.language }]);
    }
    const saved = await storage.directory.saveTemplate({ id: template.id, version: template.version, body: JSON.stringify(template), createdBy: authOf(req).person.id });
    if (!saved) throw new HttpError(409, 'template_version_exists', `Template ${template.id} version ${template.version} already exists`);
    res.status(201).json({ template: { id: template.id, version: template.version, language: template.language, title: template.title } });
  });

  return router;
}
