import { Router } from 'express';
import type { Request } from 'express';
import { accessAllows, addCommentBodySchema, createThreadBodySchema, decideSuggestionBodySchema, editCommentBodySchema, readThreads, resolveThreadBodySchema } from '@lcs/shared';
import type { Access } from '@lcs/shared';
import type { z } from 'zod';
import { authOf, requireAuth } from '../auth/authenticate.ts';
import { newId } from '../auth/tokens.ts';
import type { DocumentRegistry } from '../collab/DocumentRegistry.ts';
import { addComment, assertAnchor, createThread, decideSuggestion, deleteComment, editComment, setResolved } from '../comments/threadWriter.ts';
import type { Author } from '../comments/threadWriter.ts';
import { HttpError } from '../errors.ts';
import type { Storage } from '../storage/storage.ts';
import { accessTo } from './strategiesRouter.ts';

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw HttpError.fromZod(parsed.error);
  return parsed.data;
}

/**
 * `/api/strategies/:id/threads`: comment threads and suggestions. The server writes them into the
 * strategy's Y.Doc on the author's behalf after checking their role, so an expert comments without
 * ever holding write access to the body. Members, experts and facilitators comment; observers read;
 * only members and facilitators resolve threads and decide suggestions; only authors edit or delete.
 */
export function threadsRouter(storage: Storage, registry: DocumentRegistry): Router {
  const router = Router({ mergeParams: true });
  router.use(requireAuth);

  const authorize = async (req: Request, need: Exclude<Access, 'none'>) => {
    const { person } = authOf(req);
    const id = String(req.params.id);
    const doc = await storage.getDocument(id);
    if (!doc) throw new HttpError(404, 'document_not_found', `No strategy with id ${id}`);
    const { access } = await accessTo(storage, person, doc);
    if (!accessAllows(access, need)) throw new HttpError(403, 'forbidden', need === 'edit' ? 'Only the team and facilitators can do this' : 'You cannot comment on this strategy');
    const author: Author = { id: person.id, name: person.displayName, color: person.color };
    return { id, author };
  };
  const now = () => new Date().toISOString();

  router.get('/', async (req, res) => {
    const { id } = await authorize(req, 'read');
    res.json({ threads: await registry.withDocument(id, async (doc) => readThreads(doc.ydoc)) });
  });

  router.post('/', async (req, res) => {
    const { id, author } = await authorize(req, 'comment');
    const body = parse(createThreadBodySchema, req.body);
    assertAnchor(body.anchor.start, 'anchor.start');
    assertAnchor(body.anchor.end, 'anchor.end');
    // The same id sent again answers with the thread it made the first time.
    const threadId = body.id ?? newId();
    const thread = await registry.withDocument(id, async (doc) => {
      await doc.applyServerChange((ydoc) => createThread(ydoc, { ...body, id: threadId, commentId: newId() }, author, now()));
      return readThreads(doc.ydoc).find((t) => t.id === threadId);
    });
    res.status(201).json({ thread });
  });

  router.post('/:threadId/comments', async (req, res) => {
    const { id, author } = await authorize(req, 'comment');
    const body = parse(addCommentBodySchema, req.body);
    const commentId = body.id ?? newId();
    await registry.withDocument(id, (doc) => doc.applyServerChange((ydoc) => addComment(ydoc, String(req.params.threadId), { ...body, id: commentId }, author, now())));
    res.status(201).json({ commentId });
  });

  router.patch('/:threadId/comments/:commentId', async (req, res) => {
    const { id, author } = await authorize(req, 'comment');
    const body = parse(editCommentBodySchema, req.body);
    await registry.withDocument(id, (doc) => doc.applyServerChange((ydoc) => editComment(ydoc, String(req.params.threadId), String(req.params.commentId), body, author.id, now())));
    res.status(204).end();
  });

  router.delete('/:threadId/comments/:commentId', async (req, res) => {
    const { id, author } = await authorize(req, 'comment');
    await registry.withDocument(id, (doc) => doc.applyServerChange((ydoc) => deleteComment(ydoc, String(req.params.threadId), String(req.params.commentId), author.id)));
    res.status(204).end();
  });

  router.post('/:threadId/resolve', async (req, res) => {
    const { id, author } = await authorize(req, 'edit');
    const { resolved } = parse(resolveThreadBodySchema, req.body);
    await registry.withDocument(id, (doc) => doc.applyServerChange((ydoc) => setResolved(ydoc, String(req.params.threadId), resolved, author.id, now())));
    res.status(204).end();
  });

  router.post('/:threadId/decision', async (req, res) => {
    const { id, author } = await authorize(req, 'edit');
    const { decision, requestId } = parse(decideSuggestionBodySchema, req.body);
    await registry.withDocument(id, (doc) => doc.applyServerChange((ydoc) => decideSuggestion(ydoc, String(req.params.threadId), decision, author.id, now(), requestId)));
    res.status(204).end();
  });

  return router;
}
