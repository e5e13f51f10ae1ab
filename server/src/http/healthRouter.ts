import { Router } from 'express';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/storage.ts';

/** `GET /healthz`: 200 when storage answers, 503 when it does not. */
export function healthRouter(storage: Storage, logger: Logger): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    try {
      await storage.ping();
      res.json({ status: 'ok', storage: storage.kind });
    } catch (err) {
      logger.warn({ err }, 'health check: storage unreachable');
      res.status(503).json({ status: 'unavailable', storage: storage.kind });
    }
  });
  return router;
}
