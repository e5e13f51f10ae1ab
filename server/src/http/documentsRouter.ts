import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { createDocumentBodySchema } from '@lcs/shared';
import type { DocumentSummary } from '@lcs/shared';
import { HttpError } from '../errors.ts';
import type { DocumentRecord, Storage } from '../storage/storage.ts';

const toSummary = (d: DocumentRecord): DocumentSummary => ({
  id: d.id,
  title: d.title,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

/** Short, URL-safe, unguessable document ids. */
export const newDocumentId = (): string => randomBytes(12).toString('base64url');

/** `/api/documents`: list, create and read documents' metadata. Content travels over `/collab`. */
export function documentsRouter(storage: Storage): Router {
  const router = Router();

  router.get('/', async (_req, res) => {
    res.json({ documents: (await storage.listDocuments()).map(toSummary) });
  });

  router.post('/', async (req, res) => {
    const parsed = createDocumentBodySchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const doc = await storage.createDocument({ id: newDocumentId(), title: parsed.data.title });
    res.status(201).json({ document: toSummary(doc) });
  });

  router.get('/:id', async (req, res) => {
    const doc = await storage.getDocument(req.params.id);
    if (!doc) throw new HttpError(404, 'document_not_found', `No document with id ${req.params.id}`);
    res.json({ document: toSummary(doc) });
  });

  return router;
}
