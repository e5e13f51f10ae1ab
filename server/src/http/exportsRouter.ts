import { Router } from 'express';
import type { Response } from 'express';
import { bulkExportBodySchema, exportQuerySchema } from '@lcs/shared';
import { authOf, requireAuth, requireFacilitator } from '../auth/authenticate.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import { HttpError } from '../errors.ts';
import { exportFileName } from '../export/exportFileName.ts';
import type { Storage } from '../storage/storage.ts';
import type { ExportJobs } from '../strategy/exportJobs.ts';
import { exportSnapshot, exportWorkshopZip } from '../strategy/strategyExport.ts';
import { readStrategy } from '../strategy/strategySnapshot.ts';
import { accessTo } from './strategiesRouter.ts';

/** `attachment` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / 5987). */
function sendDownload(res: Response, fileName: string, contentType: string, body: Buffer): void {
  const ascii = fileName.normalize('NFKD').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.send(body);
}

/**
 * Exports: one strategy in one format for anyone who may read it; every strategy of a workshop as a
 * ZIP for facilitators, built in the background with progress the page polls.
 */
export function exportsRouter(storage: Storage, registry: DocumentRegistry, jobs: ExportJobs): Router {
  const router = Router();
  router.use(requireAuth);

  router.get('/strategies/:id/export', async (req, res) => {
    const query = exportQuerySchema.safeParse(req.query);
    if (!query.success) throw HttpError.fromZod(query.error);
    const record = await storage.getDocument(String(req.params.id));
    if (!record) throw new HttpError(404, 'document_not_found', 'No such strategy');
    if ((await accessTo(storage, authOf(req).person, record)).access === 'none') throw new HttpError(403, 'forbidden', 'This strategy belongs to another team');
    const snapshot = await readStrategy(storage, registry, record);
    const [file] = await exportSnapshot(snapshot, [query.data.format], { includeGuidance: query.data.guidance, includeComments: query.data.comments });
    sendDownload(res, file!.fileName, file!.contentType, file!.body);
  });

  router.post('/workshops/:id/exports', requireFacilitator, async (req, res) => {
    const workshop = await storage.directory.getWorkshop(String(req.params.id));
    if (!workshop) throw new HttpError(404, 'workshop_not_found', 'No such workshop');
    const body = bulkExportBodySchema.safeParse(req.body ?? {});
    if (!body.success) throw HttpError.fromZod(body.error);
    const { formats, ...options } = body.data;
    const fileName = `${exportFileName(workshop.name, '', '')}-strategies.zip`;
    const job = jobs.start(workshop.id, authOf(req).person.id, fileName, async (progress) => (await exportWorkshopZip(storage, registry, workshop.id, formats, options, progress)).zip);
    res.status(202).json({ job });
  });

  router.get('/exports/:jobId', requireFacilitator, (req, res) => {
    const job = jobs.get(String(req.params.jobId));
    if (!job) throw new HttpError(404, 'export_not_found', 'No such export (finished exports are kept for 30 minutes)');
    const { createdBy: _createdBy, zip: _zip, ...dto } = job;
    res.json({ job: dto });
  });

  router.get('/exports/:jobId/download', requireFacilitator, (req, res) => {
    const job = jobs.get(String(req.params.jobId));
    if (!job) throw new HttpError(404, 'export_not_found', 'No such export (finished exports are kept for 30 minutes)');
    if (job.status !== 'done' || !job.zip) throw new HttpError(409, 'export_not_ready', `The export is ${job.status}`);
    sendDownload(res, job.fileName, 'application/zip', job.zip);
  });

  return router;
}
